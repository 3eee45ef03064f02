// Scenario: a Composer-style trainer receives its EpochDataLoader from the caller and, in its OnEpochStart(int epoch) hook (no loop), sets the epoch only when loader.Sampler is IEpochAware: the Composer bug, the loader may draw from a batch sampler (CMP001).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MosaicPort;

public sealed class DdpTrainer : IDisposable
{
    readonly EpochDataLoader _train;
    readonly Sequential _model;
    readonly optim.Optimizer _optimizer;
    readonly GradientAllReducer _reducer;

    public DdpTrainer(EpochDataLoader train, Sequential model, double lr)
    {
        _train = train;
        _model = model;
        _optimizer = optim.Adam(model.parameters(), lr: lr);
        _reducer = new GradientAllReducer(model);
        _reducer.BroadcastParameters();
    }

    void OnEpochStart(int epoch)
    {
        if (_train.Sampler is IEpochAware sampler)
            sampler.SetEpoch(epoch); //! CMP001
        if (Dist.Rank == 0) Console.WriteLine($"starting epoch {epoch}");
    }

    void OnEpochEnd(int epoch, double loss)
    {
        if (Dist.Rank != 0) return;
        Console.WriteLine($"epoch {epoch}: {loss:F4}");
        _model.save($"ddp-epoch{epoch}.bin");
    }

    public void Fit(int maxEpochs)
    {
        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            OnEpochStart(epoch);
            double total = 0;
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                loss.backward();
                _reducer.AverageGradients();
                _optimizer.step();
                total += loss.item<float>();
            }
            OnEpochEnd(epoch, total / _train.Count);
        }
    }

    public void Dispose() => _reducer.Dispose();
}
