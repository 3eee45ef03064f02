// Scenario: a library trainer with pluggable callbacks; the reshuffle callback receives the loader from outside and switches on loader.Sampler to set its epoch, missing a batch sampler (Composer's bug); wrong.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut2.Blind.CallbackSwitchOnSamplerBug;

public interface ITrainingCallback
{
    void OnEpochBegin(int epoch);
    void OnEpochEnd(int epoch, double loss);
}

public sealed record FitOptions(int MaxEpochs = 20, double LearningRate = 1e-3, double GradClip = 1.0, string RunDir = "runs");

/// <summary>Reshuffles the training loader at the start of every epoch, the way the Python trainer did it.</summary>
public sealed class ReshuffleCallback : ITrainingCallback
{
    private readonly EpochDataLoader _loader;
    private readonly Action<string> _log;

    public ReshuffleCallback(EpochDataLoader loader, Action<string>? log = null)
    {
        _loader = loader;
        _log = log ?? Console.WriteLine;
    }

    public void OnEpochBegin(int epoch)
    {
        switch (_loader.Sampler)
        {
            case DistributedSampler ddp:
                ddp.SetEpoch(epoch); //! CMP001
                _log($"[reshuffle] distributed sampler rank {ddp.Rank}/{ddp.NumReplicas} -> epoch {epoch}");
                break;
            case RandomSampler random:
                random.SetEpoch(epoch); //! CMP001
                _log($"[reshuffle] random sampler -> epoch {epoch}");
                break;
            default:
                _log($"[reshuffle] {_loader.Sampler.GetType().Name} is not shuffled");
                break;
        }
    }

    public void OnEpochEnd(int epoch, double loss) { }
}

public sealed class CsvLossCallback(string path) : ITrainingCallback
{
    public void OnEpochBegin(int epoch) { }
    public void OnEpochEnd(int epoch, double loss) => File.AppendAllText(path, $"{epoch},{loss:F6}{Environment.NewLine}");
}

public sealed class ClassifierTrainer
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly EpochDataLoader _train;
    private readonly List<ITrainingCallback> _callbacks = new();
    private readonly FitOptions _options;

    public ClassifierTrainer(nn.Module<Tensor, Tensor> model, EpochDataLoader train, FitOptions options)
    {
        _model = model;
        _train = train;
        _options = options;
    }

    public ClassifierTrainer With(ITrainingCallback callback)
    {
        _callbacks.Add(callback);
        return this;
    }

    public void Fit()
    {
        var optimizer = optim.Adam(_model.parameters(), _options.LearningRate);
        var schedule = optim.lr_scheduler.CosineAnnealingLR(optimizer, _options.MaxEpochs);
        for (int epoch = 0; epoch < _options.MaxEpochs; epoch++)
        {
            foreach (var cb in _callbacks) cb.OnEpochBegin(epoch);
            _model.train();
            double sum = 0;
            int steps = 0;
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                nn.utils.clip_grad_norm_(_model.parameters(), _options.GradClip);
                optimizer.step();
                sum += loss.item<float>();
                steps++;
            }
            schedule.step();
            foreach (var cb in _callbacks) cb.OnEpochEnd(epoch, sum / Math.Max(1, steps));
        }
    }
}
