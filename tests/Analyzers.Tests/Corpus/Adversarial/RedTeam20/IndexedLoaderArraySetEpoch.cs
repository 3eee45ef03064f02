// Scenario: multi-task training keeps its two shuffling loaders in a collection expression `EpochDataLoader[] loaders = [cls, seg]` and, ported from an index-based Python loop, sets each one's epoch with `for (int i = 0; i < loaders.Length; i++) loaders[i].SetEpoch(epoch);` before zipping them. The pages count "a setter on the elements of a collection built from L … with `loaders` initialised from those variables in the member" as handling L; `loaders[i]` is such an element, and the index loop iterates no loader, so it is no epoch loop. Correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam20.IndexedLoaderArraySetEpoch;

public static class Program
{
    public static void Main()
    {
        var clsSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1200, 24), ["y"] = randint(0, 6, new long[] { 1200 }) });
        var segSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1200, 24), ["mask"] = randint(0, 2, new long[] { 1200, 24 }) });
        using var cls = new EpochDataLoader(clsSet, batchSize: 32, shuffle: true, seed: 1);
        using var seg = new EpochDataLoader(segSet, batchSize: 32, sampler: new RandomSampler(segSet.Count, seed: 2));
        EpochDataLoader[] loaders = [cls, seg];

        var trunk = nn.Linear(24, 48);
        var clsHead = nn.Linear(48, 6);
        var segHead = nn.Linear(48, 24);
        var parameters = trunk.parameters().Concat(clsHead.parameters()).Concat(segHead.parameters());
        var optimizer = optim.Adam(parameters, lr: 5e-4);

        for (int epoch = 0; epoch < 15; epoch++)
        {
            for (int i = 0; i < loaders.Length; i++)
                loaders[i].SetEpoch(epoch);

            foreach (var (c, s) in cls.Zip(seg))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var clsLoss = nn.functional.cross_entropy(clsHead.forward(trunk.forward(c["x"]).relu()), c["y"]);
                var segLoss = nn.functional.binary_cross_entropy_with_logits(segHead.forward(trunk.forward(s["x"]).relu()), s["mask"].to_type(ScalarType.Float32));
                (clsLoss + segLoss).backward();
                optimizer.step();
            }
        }
    }
}
