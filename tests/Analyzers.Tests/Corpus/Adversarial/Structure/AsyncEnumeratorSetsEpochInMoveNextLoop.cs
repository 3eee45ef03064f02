// Scenario: an async batch source exposes each epoch as an IAsyncEnumerable read through the loader's enumerator, and sets the epoch on the shard sampler the loader was built from inside the while (it.MoveNext()) loop on the first batch; the trainer consumes it with await foreach (wrong: the epoch is set during the iteration).
using System.Runtime.CompilerServices;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.AsyncEnumeratorSetsEpochInMoveNextLoop;

public sealed class AsyncBatchSource : IDisposable
{
    private readonly DistributedSampler _shard;
    private readonly EpochDataLoader _loader;

    public AsyncBatchSource(InMemoryDataset data, int rank, int worldSize, int seed)
    {
        _shard = new DistributedSampler(data.Count, numReplicas: worldSize, rank: rank, seed: seed);
        _loader = new EpochDataLoader(data, batchSampler: new BatchSampler(_shard, 64, dropLast: true), prefetch: true);
    }

    public async IAsyncEnumerable<Dictionary<string, Tensor>> ReadEpochAsync(int epoch, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var it = _loader.GetEnumerator();
        bool first = true;
        while (it.MoveNext())
        {
            if (first) { _shard.SetEpoch(epoch); first = false; } //! CMP005
            ct.ThrowIfCancellationRequested();
            yield return it.Current;
            await Task.Yield();
        }
    }

    public void Dispose() => _loader.Dispose();
}

public sealed class AsyncTrainer(nn.Module<Tensor, Tensor> model)
{
    private readonly optim.Optimizer _optimizer = optim.SGD(model.parameters(), 0.1);

    public async Task FitAsync(AsyncBatchSource source, int epochs, CancellationToken ct)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            int steps = 0;
            await foreach (var batch in source.ReadEpochAsync(epoch, ct))
            {
                _optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                _optimizer.step();
                steps++;
            }
            Console.WriteLine($"epoch {epoch}: {steps} steps");
            await Task.Delay(TimeSpan.FromMilliseconds(10), ct);
        }
    }
}
