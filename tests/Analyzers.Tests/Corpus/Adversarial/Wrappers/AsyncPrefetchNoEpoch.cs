// Scenario: an async trainer streams a shuffling EpochDataLoader<LabeledImage, …> through a generic async iterator `PrefetchAsync(_train, ct)` with await foreach; the epoch is never set (the finally only checkpoints): a bug (CMP002 on the loader argument).
using System.Runtime.CompilerServices;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wrappers.AsyncPrefetch;

public sealed class AsyncImageTrainer : IAsyncDisposable
{
    private readonly EpochDataLoader<LabeledImage, Dictionary<string, Tensor>> _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public AsyncImageTrainer(string root, nn.Module<Tensor, Tensor> model)
    {
        _train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
            new ImageFolder(root, new Compose(new RandomCrop(32, padding: 4), new RandomHorizontalFlip())),
            ImageFolder.Collate, batchSize: 64, shuffle: true, seed: 9, workers: 4, disposeDataset: true);
        _model = model;
        _optimizer = optim.AdamW(model.parameters(), 3e-4);
    }

    private static async IAsyncEnumerable<T> PrefetchAsync<T>(IEnumerable<T> source, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var item in source)
        {
            ct.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return item;
        }
    }

    public async Task FitAsync(int epochs, string checkpointDir, CancellationToken ct)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            try
            {
                await foreach (var batch in PrefetchAsync(_train, ct)) //! CMP002
                {
                    using var scope = NewDisposeScope();
                    _optimizer.zero_grad();
                    nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]).backward();
                    _optimizer.step();
                }
            }
            finally
            {
                await Task.Run(() => _model.save(Path.Combine(checkpointDir, $"epoch-{epoch}.bin")), CancellationToken.None);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _train.Dispose();
        return ValueTask.CompletedTask;
    }
}
