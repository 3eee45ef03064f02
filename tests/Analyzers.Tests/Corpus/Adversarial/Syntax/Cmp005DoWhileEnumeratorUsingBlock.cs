// Scenario: a `using (var it = loader.GetEnumerator())` block with a `do { ... } while (it.MoveNext())` loop that sets the shard sampler's epoch on its first step (bug: CMP005, the sampler feeds this loader).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp005DoWhileEnumeratorUsingBlock;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(1200, 5), ["label"] = randint(0, 2, 1200) });
        var shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 4);
        var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 40, dropLast: true));
        var model = nn.Linear(5, 2);
        var opt = optim.Adam(model.parameters());

        for (int epoch = 0; epoch < 10; epoch++)
        {
            using (var it = loader.GetEnumerator())
            {
                if (!it.MoveNext()) break;
                long step = 0;
                do
                {
                    if (step == 0) shard.SetEpoch(epoch); //! CMP005
                    var batch = it.Current;
                    opt.zero_grad();
                    using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                    loss.backward();
                    opt.step();
                    step++;
                } while (it.MoveNext());
            }
        }
    }
}
