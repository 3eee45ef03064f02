// Scenario: a CycleGAN-style top-level script zips two shuffling domain loaders and sets both epochs through a List<EpochDataLoader>.ForEach at the start of every epoch; correct.
using Composer.Data;
using HeldOut2.Blind.CycleGanListForEachCorrect;
using TorchSharp;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
const int Epochs = 50, Batch = 16;
const double LambdaCycle = 10.0;

using var horsesSet = Domains.Load("horses", 1200);
using var zebrasSet = Domains.Load("zebras", 1300);
using var horses = new EpochDataLoader(horsesSet, Batch, shuffle: true, seed: 10, dropLast: true, device: device);
using var zebras = new EpochDataLoader(zebrasSet, Batch, shuffle: true, seed: 20, dropLast: true, device: device);
var loaders = new List<EpochDataLoader> { horses, zebras };

var gAB = Domains.Generator().to(device);
var gBA = Domains.Generator().to(device);
var dA = Domains.Critic().to(device);
var dB = Domains.Critic().to(device);
var optG = optim.Adam(gAB.parameters().Concat(gBA.parameters()), 2e-4, beta1: 0.5);
var optD = optim.Adam(dA.parameters().Concat(dB.parameters()), 2e-4, beta1: 0.5);
var decay = optim.lr_scheduler.LambdaLR(optG, e => 1.0 - Math.Max(0, e - 25) / 25.0);

for (int epoch = 0; epoch < Epochs; epoch++)
{
    loaders.ForEach(l => l.SetEpoch(epoch));
    double gTotal = 0, dTotal = 0;
    int steps = 0;
    foreach (var (a, b) in horses.Zip(zebras))
    {
        using var scope = NewDisposeScope();
        var realA = a["image"];
        var realB = b["image"];

        optG.zero_grad();
        var fakeB = gAB.call(realA);
        var fakeA = gBA.call(realB);
        var adv = dB.call(fakeB).sub(1).pow(2).mean() + dA.call(fakeA).sub(1).pow(2).mean();
        var cycle = (gBA.call(fakeB) - realA).abs().mean() + (gAB.call(fakeA) - realB).abs().mean();
        var gLoss = adv + LambdaCycle * cycle;
        gLoss.backward();
        optG.step();

        optD.zero_grad();
        var dLoss = dA.call(realA).sub(1).pow(2).mean() + dA.call(fakeA.detach()).pow(2).mean()
                  + dB.call(realB).sub(1).pow(2).mean() + dB.call(fakeB.detach()).pow(2).mean();
        (dLoss * 0.5).backward();
        optD.step();

        gTotal += gLoss.item<float>();
        dTotal += dLoss.item<float>();
        steps++;
    }
    decay.step();
    Console.WriteLine($"[{epoch + 1}/{Epochs}] G {gTotal / steps:F3} D {dTotal / steps:F3}");
    if ((epoch + 1) % 10 == 0) { gAB.save($"g_ab_{epoch + 1}.bin"); gBA.save($"g_ba_{epoch + 1}.bin"); }
}

namespace HeldOut2.Blind.CycleGanListForEachCorrect
{
    static class Domains
    {
        public static InMemoryDataset Load(string name, int n)
        {
            Console.WriteLine($"loading {n} images of {name}");
            return new InMemoryDataset(new Dictionary<string, Tensor> { ["image"] = rand(n, 3, 32, 32) * 2 - 1 });
        }

        public static nn.Module<Tensor, Tensor> Generator() => nn.Sequential(
            nn.Conv2d(3, 32, 3, padding: 1), nn.InstanceNorm2d(32), nn.ReLU(),
            nn.Conv2d(32, 32, 3, padding: 1), nn.InstanceNorm2d(32), nn.ReLU(),
            nn.Conv2d(32, 3, 3, padding: 1), nn.Tanh());

        public static nn.Module<Tensor, Tensor> Critic() => nn.Sequential(
            nn.Conv2d(3, 32, 4, stride: 2, padding: 1), nn.LeakyReLU(0.2),
            nn.Conv2d(32, 1, 4, stride: 2, padding: 1));
    }
}
