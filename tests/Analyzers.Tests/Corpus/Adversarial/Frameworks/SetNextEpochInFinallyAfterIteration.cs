// Scenario: a training loop starting at epoch 0 iterates a shuffled loader inside try and, in the finally after the iteration, sets the loader's epoch to epoch + 1 for the next pass (correct: the set comes after the iteration and follows the loop variable).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FinallyEpoch;

public sealed class RobustTrainer(Sequential model, CancellationToken cancel)
{
    public int CompletedEpochs { get; private set; }

    public void Train(InMemoryDataset ds, int epochs)
    {
        using var loader = new EpochDataLoader(ds, batchSize: 64, shuffle: true, seed: 77);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            try
            {
                foreach (var batch in loader)
                {
                    cancel.ThrowIfCancellationRequested();
                    optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                    if (float.IsNaN(loss.item<float>()))
                        throw new InvalidOperationException($"NaN loss in epoch {epoch}");
                    loss.backward();
                    optimizer.step();
                }
                CompletedEpochs = epoch + 1;
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine($"cancelled during epoch {epoch}");
                break;
            }
            finally
            {
                loader.SetEpoch(epoch + 1);
            }
        }
    }
}
