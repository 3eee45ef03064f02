// Scenario: an async trainer reporting through IProgress<T> builds its loader with sampler: a DistributedSampler (no batch sampler, so the loader batches that very sampler) and reshuffles with `if (loader.Sampler is IEpochAware s) s.SetEpoch(epoch)` — that reaches the order here — right, no diagnostic.
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Audio.Keywords;

public sealed record TrainingUpdate(int Epoch, int Of, double Loss, TimeSpan Elapsed);

public static class KeywordSpotter
{
    public static async Task<nn.Module<Tensor, Tensor>> TrainAsync(
        InMemoryDataset spectrograms, int epochs, IProgress<TrainingUpdate> progress, CancellationToken ct)
    {
        using var loader = new EpochDataLoader(spectrograms, batchSize: 64,
            sampler: new DistributedSampler(spectrograms.Count, seed: 5), dropLast: true);

        var model = nn.Sequential(
            ("conv1", nn.Conv2d(1, 8, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()), ("fc", nn.Linear(8 * 20 * 50, 12)));
        using var optimizer = optim.RMSProp(model.parameters(), 1e-3);
        var clock = Stopwatch.StartNew();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader.Sampler is IEpochAware s)
                s.SetEpoch(epoch);

            double sum = 0;
            int count = 0;
            await Task.Run(() =>
            {
                foreach (var batch in loader)
                {
                    ct.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = nn.functional.cross_entropy(model.forward(batch["spec"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                    sum += loss.item<float>();
                    count++;
                }
            }, ct);

            progress.Report(new TrainingUpdate(epoch + 1, epochs, sum / Math.Max(count, 1), clock.Elapsed));
        }
        return model;
    }
}
