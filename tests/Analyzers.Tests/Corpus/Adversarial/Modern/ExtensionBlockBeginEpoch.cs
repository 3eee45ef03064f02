// Scenario: C# 14 `extension(EpochDataLoader loader)` members wrap the epoch bookkeeping — `train.BeginEpoch(epoch)` sets the loader's epoch and `train.RunEpoch(…)` trains over it; the loop calls both every epoch — correct, nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Modern.Extensions;

public static class EpochLoaderExtensions
{
    extension(EpochDataLoader loader)
    {
        public bool IsShuffled => loader.Sampler is RandomSampler or DistributedSampler { Shuffle: true };

        public void BeginEpoch(int epoch)
        {
            loader.SetEpoch(epoch);
            if (epoch == 0 && !loader.IsShuffled)
                Console.WriteLine("note: the training loader does not shuffle");
        }

        public double RunEpoch(Module<Tensor, Tensor> model, optim.Optimizer optimizer)
        {
            model.train();
            double sum = 0;
            long batches = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                batches++;
            }
            return sum / Math.Max(batches, 1);
        }
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(4_000, 30),
            ["label"] = randint(0, 3, [4_000], dtype: ScalarType.Int64),
        });
        using var train = new EpochDataLoader(data, batchSize: 50, shuffle: true, seed: 77);

        var model = Sequential(("fc1", Linear(30, 60)), ("act", ReLU()), ("fc2", Linear(60, 3)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (var epoch = 0; epoch < 20; epoch++)
        {
            train.BeginEpoch(epoch);
            var loss = train.RunEpoch(model, optimizer);
            Console.WriteLine($"epoch {epoch}: loss {loss:F4}");
        }
    }
}
