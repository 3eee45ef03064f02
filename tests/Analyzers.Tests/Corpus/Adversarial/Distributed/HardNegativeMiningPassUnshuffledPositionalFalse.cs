// Scenario: each epoch first iterates a mining loader over DistributedSampler(n, world, rank, false) (positional shuffle: false, never needs an epoch), then trains on a P×K loader whose batch sampler variable gets SetEpoch: correct.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Retrieval.Mining;

public sealed class MiningTrainer
{
    public void Run(FashionMnist data, int epochs)
    {
        long[] labels = data.Columns["label"].data<long>().ToArray();
        var pk = new ClassBalancedBatchSampler(labels, 16, 4, seed: 21, numReplicas: Dist.WorldSize, rank: Dist.Rank);
        var train = new EpochDataLoader(data, batchSampler: pk);
        var mining = new EpochDataLoader(data, 1024, sampler: new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, false));

        Sequential net = nn.Sequential(("flat", nn.Flatten()), ("fc", nn.Linear(784, 512)), ("act", nn.ReLU()), ("emb", nn.Linear(512, 64)));
        var opt = optim.Adam(net.parameters(), lr: 1e-3);
        using var reducer = new GradientAllReducer(net);
        reducer.BroadcastParameters();
        var margins = torch.full(10, 0.2f);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            // Mining pass: per-class confusion of nearest centroids decides this epoch's margins.
            using (no_grad())
            {
                var sums = zeros(10, 64);
                var counts = zeros(10);
                foreach (var batch in mining)
                {
                    var z = nn.functional.normalize(net.forward(batch["data"]), dim: 1);
                    sums.index_add_(0, batch["label"], z, 1);
                    counts.index_add_(0, batch["label"], ones(batch["label"].shape[0]), 1);
                }
                Dist.AllReduce(sums);
                Dist.AllReduce(counts);
                var centroids = nn.functional.normalize(sums / counts.unsqueeze(1), dim: 1);
                var similarity = centroids.matmul(centroids.t()) - eye(10) * 2;
                margins = 0.1f + 0.3f * similarity.amax(1).clamp(0, 1);
            }

            pk.SetEpoch(epoch);
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                var z = nn.functional.normalize(net.forward(batch["data"]), dim: 1);
                var y = batch["label"];
                var d = cdist(z, z);
                var same = y.unsqueeze(0).eq(y.unsqueeze(1));
                var pos = d.masked_fill(same.logical_not(), 0).amax(1);
                var neg = d.masked_fill(same, 1e6f).amin(1);
                var loss = nn.functional.relu(pos - neg + margins[y]).mean();
                loss.backward();
                reducer.AverageGradients();
                opt.step();
            }
        }
    }
}
