// Scenario: a data-parallel trainer builds its loader in the constructor with a DistributedSampler as sampler (no batch sampler) and casts loader.Sampler to set the epoch: correct.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ddp;

public sealed class DataParallelTrainer
{
    readonly EpochDataLoader _train;
    readonly Sequential _model;
    readonly optim.Optimizer _optimizer;
    readonly GradientAllReducer _reducer;

    public DataParallelTrainer(InMemoryDataset dataset, int perRankBatch)
    {
        Dist.Initialize();
        _train = new EpochDataLoader(
            dataset,
            batchSize: perRankBatch,
            sampler: new DistributedSampler(dataset.Count, Dist.WorldSize, Dist.Rank, shuffle: true, seed: 1234),
            dropLast: true);
        _model = nn.Sequential(("fc1", nn.Linear(32, 64)), ("act", nn.GELU()), ("fc2", nn.Linear(64, 4)));
        _optimizer = optim.SGD(_model.parameters(), learningRate: 0.1);
        _reducer = new GradientAllReducer(_model);
        _reducer.BroadcastParameters(root: 0);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            ((DistributedSampler)_train.Sampler).SetEpoch(epoch);
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                _optimizer.zero_grad();
                loss.backward();
                _reducer.AverageGradients();
                _optimizer.step();
            }
            if (Dist.Rank == 0) Console.WriteLine($"finished epoch {epoch}");
            Dist.Barrier();
        }
    }
}
