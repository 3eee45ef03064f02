// Scenario: an audio trainer assigns its train and validation loaders to fields through a tuple in the constructor and calls SetEpoch every epoch, but on its warm-up/cosine LR schedule, never on the shuffling train loader; wrong.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut2.Blind.TupleFieldsSchedulerSetEpochOnly;

public sealed record AudioOptions(int BatchSize = 48, int Seed = 1337, int Epochs = 40, int WarmupEpochs = 3, double PeakLr = 1e-3, int Workers = 4);

/// <summary>Epoch-wise warm-up then cosine decay, set once per epoch.</summary>
public sealed class WarmupCosineSchedule(optim.Optimizer optimizer, AudioOptions options)
{
    public double Current { get; private set; }

    public void SetEpoch(int epoch)
    {
        Current = epoch < options.WarmupEpochs
            ? options.PeakLr * (epoch + 1) / options.WarmupEpochs
            : 0.5 * options.PeakLr * (1 + Math.Cos(Math.PI * (epoch - options.WarmupEpochs) / (options.Epochs - options.WarmupEpochs)));
        foreach (var group in optimizer.ParamGroups) group.LearningRate = Current;
    }
}

public sealed class KeywordSpottingTrainer
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _valid;
    private readonly AudioOptions _options;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly WarmupCosineSchedule _schedule;

    public KeywordSpottingTrainer(InMemoryDataset train, InMemoryDataset valid, AudioOptions options)
    {
        _options = options;
        (_train, _valid) = (
            new EpochDataLoader(train, options.BatchSize, shuffle: true, seed: options.Seed, workers: options.Workers),
            new EpochDataLoader(valid, 128));
        _model = nn.Sequential(
            nn.Conv1d(40, 64, 3, padding: 1), nn.ReLU(),
            nn.Conv1d(64, 64, 3, padding: 1), nn.ReLU(),
            nn.AdaptiveAvgPool1d(1), nn.Flatten(),
            nn.Linear(64, 12));
        _optimizer = optim.AdamW(_model.parameters(), options.PeakLr, weight_decay: 0.01);
        _schedule = new WarmupCosineSchedule(_optimizer, options);
    }

    public void Fit()
    {
        double bestAcc = 0;
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            _schedule.SetEpoch(epoch);
            _model.train();
            foreach (var batch in _train) //! CMP002
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.call(batch["mfcc"]), batch["keyword"], label_smoothing: 0.1);
                loss.backward();
                _optimizer.step();
            }

            var acc = Validate();
            Console.WriteLine($"epoch {epoch:D2} lr {_schedule.Current:E2} val {acc:P2}");
            if (acc > bestAcc)
            {
                bestAcc = acc;
                _model.save($"kws-best.bin");
            }
        }
    }

    private double Validate()
    {
        _model.eval();
        long ok = 0, n = 0;
        using var _ = no_grad();
        foreach (var batch in _valid)
        {
            using var scope = NewDisposeScope();
            ok += _model.call(batch["mfcc"]).argmax(1).eq(batch["keyword"]).sum().item<long>();
            n += batch["keyword"].shape[0];
        }
        return n == 0 ? 0 : (double)ok / n;
    }
}
