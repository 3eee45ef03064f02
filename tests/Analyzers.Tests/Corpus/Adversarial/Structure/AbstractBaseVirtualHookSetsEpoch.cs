// Scenario: an abstract base trainer's virtual OnEpochStart sets the shuffling loader's epoch and the base loop calls it before iterating; the derived trainer overrides the hook, calls base.OnEpochStart first and adds a warm-up schedule (right).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.AbstractBaseVirtualHookSetsEpoch;

public abstract class EpochTrainer
{
    protected EpochDataLoader Train { get; }
    protected int GlobalStep { get; private set; }

    protected EpochTrainer(InMemoryDataset data, int seed)
    {
        Train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: seed, prefetch: true);
    }

    protected virtual void OnEpochStart(int epoch)
    {
        Train.SetEpoch(epoch);
    }

    protected abstract void Step(Dictionary<string, Tensor> batch);

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            OnEpochStart(epoch);
            foreach (var batch in Train)
            {
                Step(batch);
                GlobalStep++;
            }
        }
    }
}

public sealed class WarmupTrainer : EpochTrainer
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly TorchSharp.Modules.SGD _optimizer;
    private readonly int _warmupEpochs;
    private readonly double _baseLr;

    public WarmupTrainer(InMemoryDataset data, nn.Module<Tensor, Tensor> model, double baseLr, int warmupEpochs)
        : base(data, seed: 11)
    {
        _model = model;
        _baseLr = baseLr;
        _warmupEpochs = warmupEpochs;
        _optimizer = optim.SGD(model.parameters(), baseLr);
    }

    protected override void OnEpochStart(int epoch)
    {
        base.OnEpochStart(epoch);
        double scale = epoch < _warmupEpochs ? (epoch + 1.0) / _warmupEpochs : 1.0;
        foreach (var group in _optimizer.ParamGroups) group.LearningRate = _baseLr * scale;
        Console.WriteLine($"epoch {epoch}: lr {_baseLr * scale:G3}, step {GlobalStep}");
    }

    protected override void Step(Dictionary<string, Tensor> batch)
    {
        _optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
        loss.backward();
        _optimizer.step();
    }
}
