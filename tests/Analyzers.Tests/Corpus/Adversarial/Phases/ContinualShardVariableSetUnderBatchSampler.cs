// Scenario: data-parallel continual learning; per task the loader draws from BatchSampler(shard) and the user sets the epoch on the shard variable it was built from, with an epoch offset that keeps growing across tasks: right (no sampler-only mistake).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.Continual;

public sealed class ShardedTaskSequence
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private int _epochsDone;

    public ShardedTaskSequence(nn.Module<Tensor, Tensor> model)
    {
        _model = model;
        _optimizer = optim.Adam(model.parameters(), 5e-4);
    }

    public void LearnTask(string name, InMemoryDataset taskData, int epochs)
    {
        var shard = new DistributedSampler(taskData.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 77);
        using var loader = new EpochDataLoader(taskData, batchSampler: new BatchSampler(shard, 64, dropLast: true));
        if (Dist.Rank == 0) Console.WriteLine($"{name}: {loader.BatchSampler.Count} batches per rank");

        for (int e = 0; e < epochs; e++)
        {
            shard.SetEpoch(_epochsDone + e);
            _model.train();
            foreach (var batch in loader)
            {
                _optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                _optimizer.step();
            }
        }
        _epochsDone += epochs;
    }

    public void LearnAll(IEnumerable<(string Name, InMemoryDataset Data, int Epochs)> tasks)
    {
        foreach (var (name, data, epochs) in tasks) LearnTask(name, data, epochs);
    }
}
