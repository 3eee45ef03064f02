// Scenario: a cancellable while loop sets the epoch inside try and advances the counter in finally, so a failed checkpoint never repeats an epoch number; right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.WhileEpochIncrementInFinally;

public sealed class CancellableTrainer
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly string _checkpointDir;

    public CancellableTrainer(nn.Module<Tensor, Tensor> model, string checkpointDir)
    {
        _model = model;
        _optimizer = optim.Adam(model.parameters(), lr: 2e-4);
        _checkpointDir = checkpointDir;
    }

    public int Train(InMemoryDataset data, int startEpoch, int maxEpochs, CancellationToken token)
    {
        using var train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 3, prefetch: true);
        int epoch = startEpoch;
        while (epoch < maxEpochs && !token.IsCancellationRequested)
        {
            try
            {
                train.SetEpoch(epoch);
                double sum = 0;
                int count = 0;
                foreach (var batch in train)
                {
                    token.ThrowIfCancellationRequested();
                    _optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
                    loss.backward();
                    _optimizer.step();
                    sum += loss.item<float>();
                    count++;
                }
                Console.WriteLine($"epoch {epoch}: mean loss {sum / Math.Max(count, 1):F4}");
                _model.save(Path.Combine(_checkpointDir, $"epoch-{epoch}.bin"));
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"checkpoint for epoch {epoch} failed: {ex.Message}");
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine($"cancelled during epoch {epoch}");
                break;
            }
            finally
            {
                epoch++;
            }
        }
        return epoch;
    }
}
