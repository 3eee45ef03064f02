using Helios.Streaming.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Helios.Streaming.Training;

/// <summary>Keeps the learning-rate warmup in step with the epochs.</summary>
public sealed class WarmupSchedule(optim.Optimizer optimizer, double peak, int warmupEpochs)
{
    public void StartEpoch(int epoch)
    {
        double lr = peak * Math.Min(1.0, (epoch + 1) / (double)warmupEpochs);
        foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
    }
}

/// <summary>Wall-clock per epoch.</summary>
public sealed class EpochTimer
{
    private readonly System.Diagnostics.Stopwatch _watch = new();
    private int _epoch;

    public void StartEpoch(int epoch)
    {
        _epoch = epoch;
        _watch.Restart();
    }

    public void Report() => Console.WriteLine($"epoch {_epoch} took {_watch.Elapsed.TotalSeconds:F1}s");
}

public sealed class Pretrainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
{
    public void Run(InMemoryDatasetSource source, int epochs)
    {
        var loader = new StreamingLoader(source.Chunks, new ChunkShuffler(source.Chunks.Count, seed: 101), batchSize: 256);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            loader.StartEpoch(0); //! CMP004
            foreach (var batch in loader) Train(batch);
        }
    }

    public void RunTimed(InMemoryDatasetSource source, int epochs)
    {
        var loader = new StreamingLoader(source.Chunks, new ChunkShuffler(source.Chunks.Count, seed: 7), 256);
        var timer = new EpochTimer();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            timer.StartEpoch(epoch); // the timer's epoch, not the loader's
            using var it = loader.GetEnumerator(); //! CMP002
            while (it.MoveNext()) Train(it.Current);
            timer.Report();
        }
    }

    public void RunWithWarmup(InMemoryDatasetSource source, int startEpoch, int epochs)
    {
        var loader = new StreamingLoader(source.Chunks, new ChunkShuffler(source.Chunks.Count, seed: 11), 256);
        var warmup = new WarmupSchedule(optimizer, 1e-3, warmupEpochs: 3);
        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            loader.StartEpoch(epoch);
            warmup.StartEpoch(startEpoch); //! CMP004 any receiver: a StartEpoch(int) on the schedule is a setter too
            foreach (var batch in loader) Train(batch);
        }
    }

    public void RunLate(InMemoryDatasetSource source, int epochs)
    {
        var loader = new StreamingLoader(source.Chunks, new ChunkShuffler(source.Chunks.Count, seed: 13), 256);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            long step = 0;
            foreach (var batch in loader)
            {
                if (step == 0) loader.StartEpoch(epoch); //! CMP005
                Train(batch);
                step++;
            }
        }
    }

    private void Train(Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var logits = model.forward(batch["tokens"]);
        nn.functional.cross_entropy(logits.flatten(0, 1), batch["targets"].flatten()).backward();
        optimizer.step();
    }
}
