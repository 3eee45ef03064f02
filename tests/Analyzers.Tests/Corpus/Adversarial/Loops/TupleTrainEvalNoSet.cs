// Scenario: train and eval loaders are created together in a deconstructed tuple; the epoch loop iterates the shuffle:true train loader without setting its epoch: bug on train (eval is unshuffled).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Tuples;

public static class TupleLoaders
{
    public static void Fit(InMemoryDataset trainSet, InMemoryDataset evalSet, int epochs)
    {
        var (train, eval) = (new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 99),
                             new EpochDataLoader(evalSet, batchSize: 512));
        try
        {
            var model = nn.Sequential(("fc1", nn.Linear(50, 100)), ("relu", nn.ReLU()), ("fc2", nn.Linear(100, 3)));
            var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                foreach (var batch in train) //! CMP002
                {
                    optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
                double evalLoss = 0;
                using (torch.no_grad())
                {
                    foreach (var batch in eval)
                        evalLoss += nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).item<float>();
                }
                Console.WriteLine($"epoch {epoch}: eval {evalLoss / eval.Count:F4}");
            }
        }
        finally
        {
            train.Dispose();
            eval.Dispose();
        }
    }
}
