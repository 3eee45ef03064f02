// Scenario: a port of PyTorch's transfer-learning tutorial with a phases loop (foreach over an enum of phases) inside the epoch loop; the TorchSharp train loader shuffles through a RandomSampler whose epoch is set at the top of each epoch; correct.
using Composer.Data;
using HeldOut2.Blind.PhasesLoopTorchSharpSamplerCorrect;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
const int NumEpochs = 25;
using var trainSet = Flowers.Make(2000, seed: 1);
using var valSet = Flowers.Make(400, seed: 2);
var train = new DataLoader(trainSet, 32, new RandomSampler(trainSet.Count, seed: 0), device, disposeDataset: false);
var val = new EpochDataLoader(valSet, 64, device: device);
var sizes = new Dictionary<Phase, long> { [Phase.Train] = trainSet.Count, [Phase.Val] = valSet.Count };

var model = nn.Sequential(nn.Flatten(), nn.Linear(3 * 16 * 16, 128), nn.ReLU(), nn.Linear(128, 5)).to(device);
var criterion = nn.CrossEntropyLoss();
var optimizer = optim.SGD(model.parameters(), 0.001, momentum: 0.9);
var exp_lr_scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 7, gamma: 0.1);
double bestAcc = 0;

for (int epoch = 0; epoch < NumEpochs; epoch++)
{
    Console.WriteLine($"Epoch {epoch}/{NumEpochs - 1}");
    Console.WriteLine(new string('-', 10));
    Epochs.SetEpoch(train, epoch);

    foreach (var phase in Enum.GetValues<Phase>())
    {
        double runningLoss = 0;
        long runningCorrects = 0;
        if (phase == Phase.Train)
        {
            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var outputs = model.call(batch["image"]);
                var loss = criterion.call(outputs, batch["label"]);
                loss.backward();
                optimizer.step();
                runningLoss += loss.item<float>() * batch["image"].shape[0];
                runningCorrects += outputs.argmax(1).eq(batch["label"]).sum().item<long>();
            }
            exp_lr_scheduler.step();
        }
        else
        {
            model.eval();
            using var noGrad = no_grad();
            foreach (var batch in val)
            {
                using var scope = NewDisposeScope();
                var outputs = model.call(batch["image"]);
                runningLoss += criterion.call(outputs, batch["label"]).item<float>() * batch["image"].shape[0];
                runningCorrects += outputs.argmax(1).eq(batch["label"]).sum().item<long>();
            }
        }

        double epochLoss = runningLoss / sizes[phase];
        double epochAcc = (double)runningCorrects / sizes[phase];
        Console.WriteLine($"{phase} Loss: {epochLoss:F4} Acc: {epochAcc:F4}");
        if (phase == Phase.Val && epochAcc > bestAcc)
        {
            bestAcc = epochAcc;
            model.save("best_model_params.bin");
        }
    }
}
Console.WriteLine($"Best val Acc: {bestAcc:F4}");

namespace HeldOut2.Blind.PhasesLoopTorchSharpSamplerCorrect
{
    enum Phase { Train, Val }

    static class Flowers
    {
        public static InMemoryDataset Make(int n, int seed)
        {
            var g = new Generator((ulong)seed);
            return new InMemoryDataset(new Dictionary<string, Tensor>
            {
                ["image"] = rand(new long[] { n, 3, 16, 16 }, generator: g),
                ["label"] = randint(0, 5, new long[] { n }, generator: g),
            });
        }
    }
}
