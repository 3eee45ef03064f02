using Composer.Data;
using static TorchSharp.torch;

namespace MultiTask;

/// <summary>Resumes an interrupted single-task run from (epoch, batch).</summary>
public sealed class ResumeTrainer(InMemoryDataset data, nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, int seed)
{
    public void Resume(int startEpoch, long startBatch, int epochs)
    {
        using var loader = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: seed);
        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(loader, startEpoch); //! CMP004 startEpoch does not change across the loop
            long first = epoch == startEpoch ? startBatch : 0;
            foreach (var batch in loader.IterateFrom(first))
                Step(batch);
        }
    }

    /// <summary>
    /// Drains the last epoch of a run that the scheduler is about to extend, priming the shard's next permutation
    /// once the first batch is out.
    /// </summary>
    public void Drain(EpochDataLoader loader, DistributedSampler shard, int nextEpoch)
    {
        var primed = false;
        foreach (var batch in loader)
        {
            Step(batch);
            if (!primed) { shard.SetEpoch(nextEpoch); primed = true; }
        }
    }

    private void Step(Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]).backward();
        optimizer.step();
    }
}
