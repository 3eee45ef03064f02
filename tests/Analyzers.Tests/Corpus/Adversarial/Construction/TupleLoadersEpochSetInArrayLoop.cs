// Scenario: A factory returns (Train, Eval) loaders as a tuple that the caller deconstructs; each epoch a loop over new[] { train, eval } sets both epochs before training and evaluation (negative).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Tuples;

public static class TupleLoaders
{
    static (EpochDataLoader Train, EpochDataLoader Eval) BuildLoaders(InMemoryDataset trainSet, InMemoryDataset evalSet, int seed) =>
        (new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: seed),
         new EpochDataLoader(evalSet, batchSize: 512));

    public static (double Loss, double Accuracy) Fit(InMemoryDataset trainSet, InMemoryDataset evalSet, int epochs, int seed)
    {
        var (train, eval) = BuildLoaders(trainSet, evalSet, seed);
        var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 64)), ("act", nn.ReLU()), ("fc2", nn.Linear(64, 10)));
        var optimizer = optim.Adam(model.parameters(), lr: 2e-3);
        (double Loss, double Accuracy) last = (double.NaN, 0);

        try
        {
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                foreach (var l in new[] { train, eval }) l.SetEpoch(epoch);

                model.train();
                foreach (var batch in train)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
                    optimizer.step();
                }

                model.eval();
                double loss = 0;
                long correct = 0;
                using (no_grad())
                {
                    foreach (var batch in eval)
                    {
                        using var scope = NewDisposeScope();
                        var logits = model.forward(batch["data"]);
                        loss += nn.functional.cross_entropy(logits, batch["label"], reduction: nn.Reduction.Sum).item<float>();
                        correct += logits.argmax(1).eq(batch["label"]).sum().item<long>();
                    }
                }
                last = (loss / evalSet.Count, (double)correct / evalSet.Count);
            }
        }
        finally
        {
            train.Dispose();
            eval.Dispose();
        }
        return last;
    }
}
