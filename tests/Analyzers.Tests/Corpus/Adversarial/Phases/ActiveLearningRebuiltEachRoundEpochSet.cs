// Scenario: active learning; the labelled set grows each round, its shuffled loader is rebuilt per round and its epoch set at the start of every epoch (restarting at 0 on a new, larger data set), and the pool is scored once per round with an in-order loader: right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.ActiveLearning;

public sealed class MarginSamplingCampaign
{
    public int Rounds { get; init; } = 5;
    public int EpochsPerRound { get; init; } = 4;
    public int Budget { get; init; } = 200;

    public List<long> Run(nn.Module<Tensor, Tensor> model, Tensor poolX, Tensor poolY, List<long> labelled)
    {
        using var poolSet = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = poolX.alias(),
            ["label"] = poolY.alias(),
        });
        using var scoring = new EpochDataLoader(poolSet, batchSize: 512);

        for (int round = 0; round < Rounds; round++)
        {
            using var idx = tensor(labelled.ToArray());
            using var labelledSet = new InMemoryDataset(new Dictionary<string, Tensor>
            {
                ["data"] = poolX.index_select(0, idx),
                ["label"] = poolY.index_select(0, idx),
            });
            using var train = new EpochDataLoader(labelledSet, batchSize: 32, shuffle: true, seed: 17);
            using var optimizer = optim.Adam(model.parameters(), 1e-3);

            model.train();
            for (int epoch = 0; epoch < EpochsPerRound; epoch++)
            {
                train.SetEpoch(epoch);
                foreach (var batch in train)
                {
                    optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
            }

            // Score the whole pool in order: smallest top-2 margin = most informative.
            model.eval();
            var margins = new List<float>();
            using (no_grad())
            {
                foreach (var batch in scoring)
                {
                    using var probs = nn.functional.softmax(model.call(batch["data"]), 1);
                    using var top2 = probs.topk(2, 1).values;
                    using var margin = top2[.., 0] - top2[.., 1];
                    margins.AddRange(margin.data<float>().ToArray());
                }
            }

            var known = labelled.ToHashSet();
            labelled.AddRange(margins
                .Select((m, i) => (m, i: (long)i))
                .Where(p => !known.Contains(p.i))
                .OrderBy(p => p.m)
                .Take(Budget)
                .Select(p => p.i));
        }
        return labelled;
    }
}
