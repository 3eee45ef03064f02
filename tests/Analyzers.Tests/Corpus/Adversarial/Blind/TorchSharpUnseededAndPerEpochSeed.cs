// Scenario: TorchSharp-first script: an unseeded shuffling DataLoader, a seed: null probe loader, a shuffle: false test loader with a seed, a hard-example loader rebuilt each epoch with seed: baseSeed + epoch, and an augmentation loader driven by a RandomSampler whose epoch is set; correct.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
int baseSeed = Environment.GetEnvironmentVariable("SEED") is { } s ? int.Parse(s) : 17;
const int EpochCount = 15, StepsPerEpoch = 300;

using var trainSet = new HeldOut2.Blind.TorchSharpUnseededAndPerEpochSeed.Blobs(20_000, 1);
using var hardSet = new HeldOut2.Blind.TorchSharpUnseededAndPerEpochSeed.Blobs(2_000, 2);
using var augSet = new HeldOut2.Blind.TorchSharpUnseededAndPerEpochSeed.Blobs(5_000, 3);
using var testSet = new HeldOut2.Blind.TorchSharpUnseededAndPerEpochSeed.Blobs(4_000, 4);

using var train = new DataLoader(trainSet, 64, shuffle: true, device: device, disposeDataset: false);
using var test = new DataLoader(testSet, 256, shuffle: false, device: device, seed: 42, disposeDataset: false);
using var probe = torch.utils.data.DataLoader(trainSet, 8, true, device, null);
using var aug = new DataLoader(augSet, 64, new RandomSampler(augSet.Count, seed: baseSeed), device, disposeDataset: false);

var model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 4)).to(device);
var optimizer = optim.Adam(model.parameters(), 1e-2);
var firstBatch = probe.First();
Console.WriteLine($"probe batch: {firstBatch["x"].shape[0]} samples on {device}");

for (int epoch = 0; epoch < EpochCount; epoch++)
{
    using var hard = new DataLoader(hardSet, 32, shuffle: true, device: device, seed: baseSeed + epoch, disposeDataset: false);
    Epochs.SetEpoch(aug, epoch);
    model.train();

    foreach (var (batch, step) in train.Take(StepsPerEpoch).Select((b, i) => (b, i)))
    {
        Step(batch);
        if (step % 100 == 0) Console.WriteLine($"  epoch {epoch} step {step}");
    }
    foreach (var batch in aug) Step(batch);
    foreach (var batch in hard) Step(batch);

    model.eval();
    long correct = 0;
    using (no_grad())
        foreach (var batch in test)
            correct += model.call(batch["x"]).argmax(1).eq(batch["y"]).sum().item<long>();
    Console.WriteLine($"epoch {epoch}: test accuracy {(double)correct / testSet.Count:P2}");
}

void Step(Dictionary<string, Tensor> batch)
{
    using var scope = NewDisposeScope();
    optimizer.zero_grad();
    var loss = nn.functional.cross_entropy(model.call(batch["x"]), batch["y"]);
    loss.backward();
    optimizer.step();
}

namespace HeldOut2.Blind.TorchSharpUnseededAndPerEpochSeed
{
    sealed class Blobs : torch.utils.data.Dataset
    {
        private readonly Tensor _x, _y;

        public Blobs(long n, int seed)
        {
            var g = new Generator((ulong)seed);
            _y = randint(0, 4, new long[] { n }, generator: g);
            var centers = tensor(new float[,] { { 0, 0 }, { 3, 3 }, { -3, 3 }, { 3, -3 } });
            _x = centers[_y] + randn(new long[] { n, 2 }, generator: g);
        }

        public override long Count => _y.shape[0];
        public override Dictionary<string, Tensor> GetTensor(long index) => new() { ["x"] = _x[index], ["y"] = _y[index] };
    }
}
