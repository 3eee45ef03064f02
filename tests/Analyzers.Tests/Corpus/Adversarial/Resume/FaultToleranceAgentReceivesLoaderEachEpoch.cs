// Scenario: a resumable loop hands its shuffled loader to the cluster's fault-tolerance agent (`_agent.BeginEpoch(_train, epoch)`, an interface whose implementation lives elsewhere and restores the sampler epoch and skip count) at the top of every epoch — right as far as this file can tell (the loader is handed to code not in view)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Cluster.Training;

/// <summary>Implemented by the platform team's agent: restores sampler state after a restart and records progress.</summary>
public interface IFaultToleranceAgent
{
    int RestoredEpoch { get; }
    /// <summary>Sets the loader's epoch (and, after a restart, its resume point); returns the batches to skip.</summary>
    long BeginEpoch(EpochDataLoader loader, int epoch);
    void ReportProgress(int epoch, long batchInEpoch, double loss);
    bool ShouldStop { get; }
}

public sealed class AgentManagedTrainer
{
    private readonly IFaultToleranceAgent _agent;
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public AgentManagedTrainer(IFaultToleranceAgent agent, InMemoryDataset data)
    {
        _agent = agent;
        _train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 5);
        _model = nn.Sequential(("fc1", nn.Linear(64, 128)), ("act", nn.Mish()), ("fc2", nn.Linear(128, 8)));
        _optimizer = optim.AdamW(_model.parameters(), lr: 1e-3);
    }

    public void Fit(int maxEpochs)
    {
        for (int epoch = _agent.RestoredEpoch; epoch < maxEpochs && !_agent.ShouldStop; epoch++)
        {
            long skip = _agent.BeginEpoch(_train, epoch);
            long batchInEpoch = skip;
            foreach (var batch in _train.IterateFrom(skip))
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                _optimizer.step();
                _agent.ReportProgress(epoch, ++batchInEpoch, loss.item<float>());
                if (_agent.ShouldStop) break;
            }
        }
    }
}
