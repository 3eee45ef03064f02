// Scenario: each epoch mines hard negatives from a random 4096-sample subset loader (RandomSampler with numSamples) that nobody sets the epoch of, so it mines the same subset every epoch (CMP002), while the P×K train loader is set correctly.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Retrieval.Mining;

public sealed class SubsetMiner(FashionMnist data)
{
    public void Train(int epochs)
    {
        long[] labels = data.Columns["label"].data<long>().ToArray();
        var train = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, 8, 4, seed: 1, numReplicas: Dist.WorldSize, rank: Dist.Rank));
        var pool = new EpochDataLoader(data, 512, sampler: new RandomSampler(data.Count, seed: 17, replacement: false, numSamples: 4096));

        var net = nn.Sequential(("flat", nn.Flatten()), ("fc", nn.Linear(784, 256)), ("act", nn.ReLU()), ("emb", nn.Linear(256, 48)));
        var opt = optim.Adam(net.parameters(), lr: 1e-3);
        using var reducer = new GradientAllReducer(net);
        reducer.BroadcastParameters();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var hardBank = new List<Tensor>();
            using (no_grad())
            {
                foreach (var batch in pool) //! CMP002
                {
                    var z = nn.functional.normalize(net.forward(batch["data"]), dim: 1);
                    var d = cdist(z, z);
                    var sameClass = batch["label"].unsqueeze(0).eq(batch["label"].unsqueeze(1));
                    var nearestOther = d.masked_fill(sameClass, 1e6f).argmin(1);
                    hardBank.Add(z.index_select(0, nearestOther).clone());
                }
            }
            var bank = cat(hardBank, 0);

            train.SetEpoch(epoch);
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                var z = nn.functional.normalize(net.forward(batch["data"]), dim: 1);
                var y = batch["label"];
                var same = y.unsqueeze(0).eq(y.unsqueeze(1));
                var d = cdist(z, z);
                var bankDistance = cdist(z, bank).amin(1);
                var loss = nn.functional.relu(d.masked_fill(same.logical_not(), 0).amax(1) - bankDistance + 0.2f).mean();
                loss.backward();
                reducer.AverageGradients();
                opt.step();
            }
            bank.Dispose();
        }
    }
}
