// Scenario: multi-task runs are records TrainingRun(Name, Loader); Prepare(run, epoch) -> Reseed(run, epoch) sets the epoch through run is { Loader.Sampler: IEpochAware s }, but a record's positional Loader is not in view, so it may draw from a batch sampler this misses — wrong, CMP001 in Reseed (no CMP002: the runs' loaders are not epoch-dependent in view)
using Composer.Data;
using static TorchSharp.torch;

namespace Blind20.RecordRunSamplerOnly;

public sealed record TrainingRun(string Name, EpochDataLoader Loader, double Weight = 1.0);

public sealed class MultiTaskTrainer(IReadOnlyList<TrainingRun> runs, nn.Module<Tensor, Tensor> model)
{
    public void Fit(int epochs)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var run in runs)
            {
                Prepare(run, epoch);
                foreach (var batch in run.Loader)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = run.Weight * nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }

    private static void Prepare(TrainingRun run, int epoch)
    {
        Console.WriteLine($"{run.Name}: epoch {epoch}, {run.Loader.Count} batches");
        Reseed(run, epoch);
    }

    private static void Reseed(TrainingRun run, int epoch)
    {
        if (run is { Loader.Sampler: IEpochAware s }) s.SetEpoch(epoch); //! CMP001
    }

    public static MultiTaskTrainer Create(InMemoryDataset captions, InMemoryDataset tags, IReadOnlyList<long> tagLabels,
        nn.Module<Tensor, Tensor> model) =>
        new([
            new TrainingRun("captions", new EpochDataLoader(captions, batchSize: 64, shuffle: true, seed: 1)),
            new TrainingRun("tags", new EpochDataLoader(tags,
                batchSampler: new ClassBalancedBatchSampler(tagLabels, classesPerBatch: 8, samplesPerClass: 8, seed: 2)), 0.5),
        ], model);
}
