// Scenario: a background trainer keeps its epoch in a local shared with a progress monitor, so the loop tests it with `Volatile.Read(ref epoch)` and advances it with `Interlocked.Increment(ref epoch)` at the end of each pass; the shard is told `shard.SetEpoch(epoch)` at the top of the pass. Right: the counter goes up once per pass. CMP004 page, not flagged: "A local the loop changes anywhere in its pass (`e++`, `e += 1`, an assignment, a `ref`/`out` argument)"; `Interlocked.Increment(ref epoch)` is such a `ref` argument. No diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam27.InterlockedCounter;

public sealed class BackgroundTrainer
{
    private readonly InMemoryDataset _data;
    private readonly nn.Module<Tensor, Tensor> _model;

    public BackgroundTrainer(InMemoryDataset data, nn.Module<Tensor, Tensor> model)
    {
        _data = data;
        _model = model;
    }

    public async Task RunAsync(int epochs, IProgress<int> progress, CancellationToken token)
    {
        int epoch = 0;
        var shard = new DistributedSampler(_data.Count, seed: 21);
        using var train = new EpochDataLoader(_data, batchSize: 64, sampler: shard);
        var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);

        using var monitor = new Timer(_ => progress.Report(Volatile.Read(ref epoch)), null, 0, 5_000);

        await Task.Run(() =>
        {
            while (!token.IsCancellationRequested && Volatile.Read(ref epoch) < epochs)
            {
                shard.SetEpoch(epoch);
                foreach (var batch in train)
                {
                    if (token.IsCancellationRequested) break;
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
                Interlocked.Increment(ref epoch);
            }
        }, token);

        progress.Report(epoch);
    }
}
