// Scenario: a `do … while (loss > target)` loop with no counter, labelled `restart:` so that an out-of-memory error halves the batch and jumps back to it (`goto restart`); the shuffling loader's epoch is never set: wrong - CMP002. The fix declares a counter before the loop; a restart should not send the counter (and so the order) back to epoch 0.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam21.OomRestartLabelDoWhile;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(640, 12), ["target"] = randn(640, 1) });
        var model = nn.Linear(12, 1);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        int batchSize = 128;
        double loss;
        var train = new EpochDataLoader(data, batchSize: batchSize, shuffle: true, seed: 9);

    restart:
        do
        {
            loss = 0;
            try
            {
                foreach (var batch in train) //! CMP002
                {
                    using var scope = NewDisposeScope();
                    var l = nn.functional.mse_loss(model.forward(batch["data"]), batch["target"]);
                    optimizer.zero_grad();
                    l.backward();
                    optimizer.step();
                    loss += l.item<float>();
                }
            }
            catch (OutOfMemoryException) when (batchSize > 8)
            {
                batchSize /= 2;
                train.Dispose();
                train = new EpochDataLoader(data, batchSize: batchSize, shuffle: true, seed: 9);
                goto restart;
            }
        } while (loss > 1.0);
        train.Dispose();
    }
}
