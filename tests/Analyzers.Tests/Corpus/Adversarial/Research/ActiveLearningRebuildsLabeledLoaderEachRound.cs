// Scenario: pool-based active learning; each round rebuilds a shuffling loader over the indices selected so far, sets its epoch in every epoch of the round, and scores the unlabeled pool with an unshuffled loader — right
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Lab.ActiveLearning;

public static class EntropySampling
{
    public static void Main()
    {
        const int initial = 500, acquire = 250, rounds = 10, epochsPerRound = 15;
        Reproducibility.SeedAll(31);

        using var pool = new FashionMnist(train: true);
        using var testSet = new FashionMnist(train: false);
        var test = new EpochDataLoader(testSet, batchSize: 1000);

        var labeledIdx = new HashSet<long>(randperm(pool.Count)[..initial].data<long>().ToArray());

        for (int round = 0; round < rounds; round++)
        {
            // train from scratch on what is labeled so far
            Reproducibility.SeedAll(31 + round);
            var model = Sequential(("flat", Flatten()), ("fc1", Linear(784, 256)), ("relu", ReLU()), ("drop", Dropout(0.25)), ("fc2", Linear(256, 10)));
            var opt = optim.Adam(model.parameters(), lr: 1e-3);

            using var labeledSet = Subset(pool, labeledIdx.Order().ToArray());
            var labeled = new EpochDataLoader(labeledSet, batchSize: 32, shuffle: true, seed: 31);
            for (int epoch = 0; epoch < epochsPerRound; epoch++)
            {
                Epochs.SetEpoch(labeled, epoch);
                model.train();
                foreach (var batch in labeled)
                {
                    using var scope = NewDisposeScope();
                    var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    opt.zero_grad();
                    loss.backward();
                    opt.step();
                }
            }

            // test accuracy for the learning curve
            model.eval();
            long correct = 0;
            using (no_grad())
                foreach (var batch in test)
                    correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            Console.WriteLine($"round {round}: {labeledIdx.Count} labels -> test acc {correct / (double)testSet.Count:P2}");

            // score the unlabeled pool by predictive entropy, in index order
            long[] unlabeledIdx = Enumerable.Range(0, (int)pool.Count).Select(i => (long)i).Where(i => !labeledIdx.Contains(i)).ToArray();
            using var unlabeledSet = Subset(pool, unlabeledIdx);
            var scoring = new EpochDataLoader(unlabeledSet, batchSize: 2048);
            var scores = new List<float>();
            using (no_grad())
            {
                foreach (var batch in scoring)
                {
                    var p = functional.softmax(model.forward(batch["data"]), 1);
                    scores.AddRange((-(p * (p + 1e-12).log()).sum(1)).data<float>().ToArray());
                }
            }
            foreach (var pick in scores.Select((s, i) => (s, i)).OrderByDescending(t => t.s).Take(acquire))
                labeledIdx.Add(unlabeledIdx[pick.i]);
        }
    }

    static InMemoryDataset Subset(InMemoryDataset source, long[] indices)
    {
        using var idx = tensor(indices, ScalarType.Int64);
        return new InMemoryDataset(source.Columns.ToDictionary(c => c.Key, c => c.Value.index_select(0, idx)));
    }
}
