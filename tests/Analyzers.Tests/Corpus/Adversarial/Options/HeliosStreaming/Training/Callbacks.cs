using Composer.Training;
using Helios.Streaming.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Helios.Streaming.Training;

/// <summary>Where the pre-training corpus lives once it is loaded.</summary>
public sealed class InMemoryDatasetSource(Composer.Data.InMemoryDataset chunks)
{
    public Composer.Data.InMemoryDataset Chunks { get; } = chunks;
}

/// <summary>Composer callback that hands the trainer's epoch to our streaming loader.</summary>
public sealed class StreamReshuffleCallback : Callback
{
    private readonly StreamingLoader _loader;

    public StreamReshuffleCallback(StreamingLoader loader) => _loader = loader;

    public override void EpochStart(State state, Logger logger) => _loader.StartEpoch(state.Timestamp.Epoch);
}

/// <summary>Console progress, one line per epoch.</summary>
public sealed class ConsoleProgress
{
    public void StartEpoch(string label) => Console.Write($"[{label}] ");

    public void StartEpoch(int epoch, long batches) => Console.WriteLine($"epoch {epoch}: {batches} batches");
}

public static class ManualLoop
{
    public static void Run(StreamingLoader loader, nn.Module<Tensor, Tensor> model, int epochs)
    {
        var progress = new ConsoleProgress();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            progress.StartEpoch("train");
            progress.StartEpoch(0, loader.BatchCount); // two parameters: not an epoch setter
            loader.Sampler.StartEpoch(epoch); // no batch sampler on this loader, so its sampler is the whole order
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                model.forward(batch["tokens"]);
            }
        }
    }

    public static void RunFresh(InMemoryDatasetSource source, nn.Module<Tensor, Tensor> model, int epochs)
    {
        var shuffler = new ChunkShuffler(source.Chunks.Count, seed: 3);
        var loader = new StreamingLoader(source.Chunks, shuffler, 128);
        int epoch = 0;
        do
        {
            shuffler.StartEpoch(epoch);
            foreach (var batch in loader.Take(100))
            {
                using var scope = NewDisposeScope();
                model.forward(batch["tokens"]);
            }
        } while (++epoch < epochs);
    }
}
