// Scenario: self-training with pseudo-labels; each round rebuilds a shuffling loader over labeled + confident pseudo-labeled data, and the epoch is set on the first batch inside the batch loop — one epoch late (CMP005)
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Lab.SelfTraining;

public static class PseudoLabelRounds
{
    const int Rounds = 4;
    const int EpochsPerRound = 8;
    const float Threshold = 0.95f;

    public static void Main()
    {
        Reproducibility.SeedAll(21);
        using var full = new FashionMnist(train: true);
        var perm = randperm(full.Count);
        var seedIdx = perm[..1000];
        var seedX = full.Columns["data"].index_select(0, seedIdx);
        var seedY = full.Columns["label"].index_select(0, seedIdx);
        var labeled = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = seedX.clone(), ["label"] = seedY.clone() });
        using var pool = Take(full, perm[1000..]);
        var poolLoader = new EpochDataLoader(pool, batchSize: 2048);

        var model = Sequential(("flat", Flatten()), ("fc1", Linear(784, 256)), ("relu", ReLU()), ("drop", Dropout(0.1)), ("fc2", Linear(256, 10)));

        for (int round = 0; round < Rounds; round++)
        {
            var opt = optim.Adam(model.parameters(), lr: 1e-3);
            var mixed = new EpochDataLoader(labeled, batchSize: 64, shuffle: true, seed: 21 + round);

            for (int epoch = 0; epoch < EpochsPerRound; epoch++)
            {
                model.train();
                foreach (var (batch, step) in mixed.Select((b, i) => (b, i)))
                {
                    if (step == 0) mixed.SetEpoch(epoch); //! CMP005
                    using var scope = NewDisposeScope();
                    var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    opt.zero_grad();
                    loss.backward();
                    opt.step();
                }
            }

            // pseudo-label the pool with the current model, keep confident predictions
            model.eval();
            var keepX = new List<Tensor>();
            var keepY = new List<Tensor>();
            using (no_grad())
            {
                foreach (var batch in poolLoader)
                {
                    var probs = functional.softmax(model.forward(batch["data"]), 1);
                    var (conf, pred) = probs.max(1);
                    var mask = conf.ge(Threshold);
                    keepX.Add(batch["data"][mask].clone());
                    keepY.Add(pred[mask].clone());
                }
            }
            var pseudoX = cat(keepX, 0);
            var pseudoY = cat(keepY, 0);
            Console.WriteLine($"round {round}: {pseudoY.shape[0]} pseudo-labels above {Threshold}");

            // next round trains on the original labels plus this round's pseudo-labels
            labeled.Dispose();
            labeled = new InMemoryDataset(new Dictionary<string, Tensor>
            {
                ["data"] = cat(new[] { seedX, pseudoX }, 0),
                ["label"] = cat(new[] { seedY, pseudoY }, 0),
            });
        }

        model.save("self_training.bin");
    }

    static InMemoryDataset Take(InMemoryDataset source, Tensor index) =>
        new(source.Columns.ToDictionary(c => c.Key, c => c.Value.index_select(0, index)));
}
