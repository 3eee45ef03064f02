// Scenario: loader construction moved into MakeLoaders(), which returns (train, val) as a tuple the loop deconstructs; train.SetEpoch(epoch) is still called every epoch and the validation loader is read in order, needing no epoch (right).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Retail.Demand;

public static class DemandModel
{
    public static void Train(InMemoryDataset history, double valFraction, int epochs)
    {
        var (train, val) = MakeLoaders(history, valFraction, seed: 12);

        var model = nn.Sequential(
            ("fc1", nn.Linear(52, 96)),
            ("act", nn.Tanh()),
            ("fc2", nn.Linear(96, 1)));
        using var optimizer = optim.RMSProp(model.parameters(), lr: 1e-3);

        try
        {
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                train.SetEpoch(epoch);
                model.train();
                foreach (var batch in train)
                {
                    using var scope = torch.NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = nn.functional.smooth_l1_loss(model.call(batch["data"]).squeeze(-1), batch["target"]);
                    loss.backward();
                    optimizer.step();
                }

                model.eval();
                double valLoss = 0;
                using (torch.no_grad())
                    foreach (var batch in val)
                    {
                        using var scope = torch.NewDisposeScope();
                        valLoss += nn.functional.smooth_l1_loss(model.call(batch["data"]).squeeze(-1), batch["target"]).item<float>();
                    }
                Console.WriteLine($"epoch {epoch}: val loss {valLoss / Math.Max(1, val.Count):F4}");
            }
        }
        finally
        {
            train.Dispose();
            val.Dispose();
        }
    }

    static (EpochDataLoader Train, EpochDataLoader Val) MakeLoaders(InMemoryDataset history, double valFraction, int seed)
    {
        long n = history.Count;
        long cut = (long)(n * (1 - valFraction));
        var trainSet = new InMemoryDataset(history.Columns.ToDictionary(kv => kv.Key, kv => kv.Value.narrow(0, 0, cut)));
        var valSet = new InMemoryDataset(history.Columns.ToDictionary(kv => kv.Key, kv => kv.Value.narrow(0, cut, n - cut)));
        return (new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: seed, disposeDataset: true),
                new EpochDataLoader(valSet, batchSize: 512, disposeDataset: true));
    }
}
