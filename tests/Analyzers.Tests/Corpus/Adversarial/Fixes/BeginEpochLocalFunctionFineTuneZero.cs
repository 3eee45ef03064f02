// Scenario: a `Begin(int e)` local function sets the loader's epoch; the main loop calls `Begin(epoch)`, the fine-tuning loop after it calls `Begin(0)` on every pass: wrong in fine-tuning (every fine-tuning epoch replays epoch 0) - CMP004 on the setter inside `Begin`. Relabelled 2026-12-06 when a local function became judged in every epoch loop that calls it (was a documented limit: judged in the first only).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.BeginEpochLocalFunctionFineTuneZero;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(1000, 20), ["label"] = randint(0, 5, 1000) });
        using var train = new EpochDataLoader(data, batchSize: 50, shuffle: true, seed: 3);
        var model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 5));

        void Begin(int e)
        {
            train.SetEpoch(e); //! CMP004
            Console.WriteLine($"-- epoch {e} --");
        }

        double RunEpoch(optim.Optimizer optimizer)
        {
            double total = 0;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            return total / train.Count;
        }

        var adam = optim.Adam(model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < 8; epoch++)
        {
            Begin(epoch);
            Console.WriteLine($"train loss {RunEpoch(adam):F4}");
        }

        // Fine-tune the head with a small learning rate.
        var sgd = optim.SGD(model.parameters(), learningRate: 1e-4);
        for (int round = 0; round < 3; round++)
        {
            Begin(0);
            Console.WriteLine($"fine-tune loss {RunEpoch(sgd):F4}");
        }
    }
}
