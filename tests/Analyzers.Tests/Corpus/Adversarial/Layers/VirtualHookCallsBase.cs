// Scenario: the base trainer's virtual OnEpochStart calls its private ReseedTrain, which sets the DDP-sharded Train loader; the derived trainer's override calls base.OnEpochStart first and its loop calls OnEpochStart each epoch — correct, no finding
using Composer.Data;
using Composer.Distributed;
using static TorchSharp.torch;

namespace Blind20.VirtualHookCallsBase;

public class TrainerBase
{
    protected TrainerBase(InMemoryDataset data, int seed)
    {
        Train = new EpochDataLoader(data, batchSize: 64,
            sampler: new DistributedSampler(data.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: seed));
    }

    protected EpochDataLoader Train { get; }

    protected virtual void OnEpochStart(int epoch) => ReseedTrain(epoch);

    private void ReseedTrain(int epoch) => Epochs.SetEpoch(Train, epoch);
}

public sealed class WarmupTrainer : TrainerBase
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly int _warmupEpochs;

    public WarmupTrainer(InMemoryDataset data, nn.Module<Tensor, Tensor> model, int warmupEpochs) : base(data, seed: 2024)
    {
        _model = model;
        _optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
        _warmupEpochs = warmupEpochs;
    }

    protected override void OnEpochStart(int epoch)
    {
        base.OnEpochStart(epoch);
        double scale = epoch < _warmupEpochs ? (epoch + 1.0) / _warmupEpochs : 1.0;
        foreach (var group in _optimizer.ParamGroups) group.LearningRate = 0.1 * scale;
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            OnEpochStart(epoch);
            foreach (var batch in Train)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                loss.backward();
                _optimizer.step();
            }
        }
    }
}
