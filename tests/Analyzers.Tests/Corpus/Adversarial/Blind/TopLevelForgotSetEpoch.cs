// Scenario: a top-level program trains a small CNN on synthetic 28x28 images with EpochDataLoader(shuffle: true) but never sets the epoch, so every epoch replays epoch 0's order; wrong.
using Composer.Data;
using HeldOut2.Blind.TopLevelForgotSetEpoch;
using TorchSharp;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
int epochs = args.Length > 0 ? int.Parse(args[0]) : 8;
Console.WriteLine($"training on {device.type} for {epochs} epochs");

using var trainSet = Digits.Make(6000, seed: 1);
using var testSet = Digits.Make(1000, seed: 2);
var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 17, device: device);
var test = new EpochDataLoader(testSet, batchSize: 500, device: device);
Console.WriteLine($"{train.Count} batches per epoch");

var model = new SmallCnn().to(device);
var optimizer = optim.SGD(model.parameters(), learningRate: 0.05, momentum: 0.9, nesterov: true);
var scheduler = optim.lr_scheduler.MultiStepLR(optimizer, new[] { 4, 6 }, gamma: 0.2);
var sw = System.Diagnostics.Stopwatch.StartNew();

for (int epoch = 1; epoch <= epochs; epoch++)
{
    model.train();
    double running = 0;
    int step = 0;
    foreach (var batch in train) //! CMP002
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var output = model.call(batch["data"]);
        var loss = nn.functional.nll_loss(output, batch["label"]);
        loss.backward();
        optimizer.step();
        running += loss.item<float>();
        if (++step % 20 == 0)
            Console.WriteLine($"  [{epoch}:{step}/{train.Count}] loss {running / step:F4}");
    }
    scheduler.step();

    model.eval();
    long correct = 0;
    using (no_grad())
    {
        foreach (var batch in test)
        {
            using var scope = NewDisposeScope();
            correct += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
        }
    }
    Console.WriteLine($"epoch {epoch}: test accuracy {100.0 * correct / testSet.Count:F2}% ({sw.Elapsed.TotalSeconds:F0}s)");
}

model.save("cnn.bin");

namespace HeldOut2.Blind.TopLevelForgotSetEpoch
{
    sealed class SmallCnn : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> conv1 = nn.Conv2d(1, 16, 3, padding: 1);
        private readonly nn.Module<Tensor, Tensor> conv2 = nn.Conv2d(16, 32, 3, padding: 1);
        private readonly nn.Module<Tensor, Tensor> pool = nn.MaxPool2d(2);
        private readonly nn.Module<Tensor, Tensor> fc = nn.Linear(32 * 7 * 7, 10);

        public SmallCnn() : base(nameof(SmallCnn)) => RegisterComponents();

        public override Tensor forward(Tensor x)
        {
            x = pool.call(nn.functional.relu(conv1.call(x)));
            x = pool.call(nn.functional.relu(conv2.call(x)));
            return nn.functional.log_softmax(fc.call(x.flatten(1)), 1);
        }
    }

    static class Digits
    {
        public static InMemoryDataset Make(int n, int seed)
        {
            var gen = new Generator((ulong)seed);
            var images = rand(new long[] { n, 1, 28, 28 }, generator: gen);
            var labels = randint(0, 10, new long[] { n }, generator: gen);
            return new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = images, ["label"] = labels });
        }
    }
}
