// Scenario: a preemptible training worker builds its loader positionally as `new EpochDataLoader(data, 32, true, _shard)` — shuffle true next to its own DistributedSampler, which the runtime refuses when the worker starts (after the data set is loaded) — wrong (CMP006 on shuffle)
using System.Runtime.InteropServices;
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Vision.Workers;

public sealed record PreemptionState(int Epoch, long BatchInEpoch);

public sealed class PreemptibleWorker : IDisposable
{
    private readonly DistributedSampler _shard;
    private readonly EpochDataLoader _loader;
    private readonly string _statePath;
    private readonly CancellationTokenSource _preempted = new();
    private readonly PosixSignalRegistration _sigterm;

    public PreemptibleWorker(InMemoryDataset data, string statePath)
    {
        _statePath = statePath;
        _shard = new DistributedSampler(data.Count, seed: 99);
        _loader = new EpochDataLoader(data, 32, true, _shard); //! CMP006
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx =>
        {
            ctx.Cancel = true;          // finish the current step, then save
            _preempted.Cancel();
        });
    }

    public void Run(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, int maxEpochs)
    {
        int start = 0;
        long resumeBatch = 0;
        if (File.Exists(_statePath))
        {
            var saved = JsonSerializer.Deserialize<PreemptionState>(File.ReadAllText(_statePath))!;
            (start, resumeBatch) = (saved.Epoch, saved.BatchInEpoch);
        }

        for (int epoch = start; epoch < maxEpochs; epoch++)
        {
            _loader.SetEpoch(epoch);
            long done = epoch == start ? resumeBatch : 0;
            foreach (var batch in _loader.IterateFrom(done))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                done++;

                if (_preempted.IsCancellationRequested)
                {
                    File.WriteAllText(_statePath, JsonSerializer.Serialize(new PreemptionState(epoch, done)));
                    return;
                }
            }
        }
    }

    public void Dispose()
    {
        _sigterm.Dispose();
        _loader.Dispose();
        _preempted.Dispose();
    }
}
