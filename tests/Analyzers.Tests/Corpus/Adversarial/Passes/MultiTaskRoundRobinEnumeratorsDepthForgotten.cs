// Scenario: multi-task training that interleaves three loaders batch by batch through their enumerators; the classification and segmentation loaders get the epoch, the depth loader (a batch sampler over a RandomSampler) is forgotten — wrong for depth.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.MultiTaskRoundRobinEnumeratorsDepthForgotten;

public static class Program
{
    public static void Main()
    {
        int startEpoch = 3, epochs = 30;
        using var clsSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(4_000, 96), ["label"] = randint(0, 5, new long[] { 4_000 }) });
        using var segSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(3_000, 96), ["label"] = rand(3_000, 16).round() });
        using var depthSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(2_500, 96), ["label"] = rand(2_500, 1) * 10 });

        using var cls = new EpochDataLoader(clsSet, batchSize: 32, shuffle: true, seed: 1);
        using var seg = new EpochDataLoader(segSet, batchSize: 32, sampler: new RandomSampler(segSet.Count, seed: 2));
        using var depth = new EpochDataLoader(depthSet, batchSampler: new BatchSampler(new RandomSampler(depthSet.Count, seed: 5), 16));

        var trunk = nn.Sequential(("t1", nn.Linear(96, 192)), ("t_act", nn.ReLU()));
        var clsHead = nn.Linear(192, 5);
        var segHead = nn.Linear(192, 16);
        var depthHead = nn.Linear(192, 1);
        var all = trunk.parameters().Concat(clsHead.parameters()).Concat(segHead.parameters()).Concat(depthHead.parameters());
        var optimizer = optim.AdamW(all, lr: 3e-4);

        foreach (var epoch in Enumerable.Range(startEpoch, epochs))
        {
            cls.SetEpoch(epoch);
            Epochs.SetEpoch(seg, epoch);

            using var c = cls.GetEnumerator();
            using var s = seg.GetEnumerator();
            using var d = depth.GetEnumerator(); //! CMP002
            while (true)
            {
                using var scope = NewDisposeScope();
                var losses = new List<Tensor>();
                if (c.MoveNext())
                    losses.Add(nn.functional.cross_entropy(clsHead.forward(trunk.forward(c.Current["data"])), c.Current["label"]));
                if (s.MoveNext())
                    losses.Add(nn.functional.binary_cross_entropy_with_logits(segHead.forward(trunk.forward(s.Current["data"])), s.Current["label"]));
                if (d.MoveNext())
                    losses.Add(nn.functional.mse_loss(depthHead.forward(trunk.forward(d.Current["data"])), d.Current["label"]));
                if (losses.Count == 0) break;

                var loss = losses.Aggregate((a, b) => a + b);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch} done");
        }
    }
}
