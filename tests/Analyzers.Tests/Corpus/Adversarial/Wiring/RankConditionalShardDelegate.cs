// Scenario: a data-parallel script hands the DistributedSampler's SetEpoch (the sampler its batch sampler was built over) to the epoch event before the loop, and adds a logging handler on rank 0 only — correct, no finding
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.RankConditionalShardDelegate;

public sealed class EpochEvents
{
    public event Action<int>? EpochStarting;

    public void Raise(int epoch) => EpochStarting?.Invoke(epoch);
}

public static class DdpScript
{
    public static void Main()
    {
        Dist.Initialize();
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(8192, 24),
            ["label"] = torch.randint(0, 6, 8192, dtype: ScalarType.Int64),
        });
        var shard = new DistributedSampler(data.Count, seed: 17, dropLast: true);
        using var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 64, dropLast: true));
        using var eval = new EpochDataLoader(data, batchSize: 1024);

        var model = nn.Sequential(nn.Linear(24, 48), nn.ReLU(), nn.Linear(48, 6));
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        var events = new EpochEvents();
        events.EpochStarting += shard.SetEpoch;
        if (Dist.Rank == 0)
            events.EpochStarting += epoch => Console.WriteLine($"epoch {epoch}: {loader.Count} batches per rank x {Dist.WorldSize}");

        for (int epoch = 0; epoch < 20; epoch++)
        {
            events.Raise(epoch);
            foreach (var batch in loader)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
            }
            if (Dist.Rank == 0 && epoch % 5 == 4)
            {
                using var noGrad = torch.no_grad();
                var first = eval.First();
                var accuracy = model.forward(first["data"]).argmax(1).eq(first["label"]).to_type(ScalarType.Float32).mean().item<float>();
                Console.WriteLine($"  probe accuracy {accuracy:P1}");
            }
        }
    }
}
