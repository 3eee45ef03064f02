// Scenario: the train loader is picked by a switch expression on the launch mode (distributed sampler, P×K batch sampler or plain); the early-stopping while loop never sets its epoch (bug: CMP002).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002SwitchExpressionLoaderChoice;

public static class Program
{
    public static void Main(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : "ddp";
        var labels = Enumerable.Range(0, 4096).Select(i => (long)(i % 32)).ToArray();
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(4096, 32),
            ["label"] = tensor(labels),
        });

        var train = mode switch
        {
            "ddp" => new EpochDataLoader(data, batchSize: 128,
                sampler: new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 3)),
            "pk" => new EpochDataLoader(data,
                batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 8, seed: 3)),
            _ => new EpochDataLoader(data, batchSize: 128),
        };

        var model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 32));
        var opt = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
        double best = double.MaxValue;
        int patience = 0, epoch = 0;

        while (patience < 3 && epoch < 100)
        {
            double total = 0;
            foreach (var batch in train) //! CMP002
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
                total += loss.item<float>();
            }
            if (total < best - 1e-3) { best = total; patience = 0; } else patience++;
            epoch++;
        }
        Console.WriteLine($"stopped after {epoch} epochs, best loss {best:F4}");
    }
}
