// Scenario: the constructor registers epoch observers, one of which wraps only _train.Sampler of a loader that draws from a BatchSampler over a DistributedSampler (the Composer bug: that Sampler is sequential, so nothing reshuffles); Fit notifies the observers and iterates _train — wrong, CMP002 on the foreach over _train (the observer's setter is on a sampler field, not through loader.Sampler, so no CMP001)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.ObserversWrapSamplerOnly;

public interface IEpochObserver
{
    void OnEpochStart(int epoch);
}

public sealed class SamplerEpochObserver : IEpochObserver
{
    private readonly ISampler _sampler;

    public SamplerEpochObserver(ISampler sampler) => _sampler = sampler;

    public void OnEpochStart(int epoch)
    {
        if (_sampler is IEpochAware aware) aware.SetEpoch(epoch);
    }
}

public sealed class ConsoleEpochObserver : IEpochObserver
{
    public void OnEpochStart(int epoch) => Console.WriteLine($"rank {Composer.Distributed.Dist.Rank}: epoch {epoch}");
}

public sealed class ShardedTrainer
{
    private readonly EpochDataLoader _train;
    private readonly List<IEpochObserver> _observers = new();
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public ShardedTrainer(InMemoryDataset data)
    {
        _train = new EpochDataLoader(data,
            batchSampler: new BatchSampler(new DistributedSampler(data.Count, seed: 13), 64, dropLast: true));
        // Ported from a Composer callback that called `state.dataloader.sampler.set_epoch(epoch)`.
        _observers.Add(new SamplerEpochObserver(_train.Sampler));
        _observers.Add(new ConsoleEpochObserver());
        _model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 4));
        _optimizer = optim.SGD(_model.parameters(), learningRate: 0.05);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var observer in _observers) observer.OnEpochStart(epoch);
            foreach (var batch in _train) //! CMP002
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
            }
        }
    }
}
