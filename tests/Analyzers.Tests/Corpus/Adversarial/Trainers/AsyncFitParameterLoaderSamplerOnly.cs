// Scenario: an async FitAsync receives the train loader, sets the epoch when loader.Sampler is a DistributedSampler, and awaits checkpoint writes between epochs: Composer's bug in async code.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Async.Training;

public sealed class AsyncTrainer(nn.Module<Tensor, Tensor> model, string checkpointDir)
{
    readonly optim.Optimizer _optimizer = optim.Adam(model.parameters(), lr: 1e-3);

    public async Task FitAsync(EpochDataLoader train, int epochs, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(checkpointDir);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (train.Sampler is DistributedSampler distributed)
                distributed.SetEpoch(epoch); //! CMP001

            float last = float.NaN;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
                last = loss.item<float>();
            }

            await SaveAsync(epoch, last, cancellationToken);
        }
    }

    async Task SaveAsync(int epoch, float loss, CancellationToken cancellationToken)
    {
        var path = Path.Combine(checkpointDir, $"epoch-{epoch:D3}.bin");
        await Task.Run(() => model.save(path), cancellationToken);
        await File.AppendAllTextAsync(Path.Combine(checkpointDir, "log.tsv"), $"{epoch}\t{loss}\n", cancellationToken);
    }
}
