// Scenario: a static helper class offers an epoch loop generic over the batch type (RunEpochs<TBatch> over IDataLoader<TBatch>) that sets the loader's epoch with Epochs.SetEpoch before each pass; the caller hands it a shuffling EpochDataLoader<Sample, Batch> with a custom collate (right).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.GenericHelperOverBatchType;

public sealed record Sample(float[] Features, long Label);

public sealed record Batch(Tensor Features, Tensor Labels);

public sealed class SampleSet(IReadOnlyList<Sample> items) : torch.utils.data.Dataset<Sample>
{
    public override long Count => items.Count;
    public override Sample GetTensor(long index) => items[(int)index];
}

public static class EpochLoops
{
    public static IReadOnlyList<double> RunEpochs<TBatch>(IDataLoader<TBatch> loader, int epochs, Func<TBatch, double> step)
    {
        var history = new List<double>(epochs);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(loader, epoch);
            double sum = 0;
            long n = 0;
            foreach (var batch in loader)
            {
                sum += step(batch);
                n++;
            }
            history.Add(n == 0 ? double.NaN : sum / n);
        }
        return history;
    }
}

public static class Program
{
    private static Batch Collate(IReadOnlyList<Sample> samples, Device device)
    {
        var x = torch.tensor(samples.SelectMany(s => s.Features).ToArray(), new long[] { samples.Count, samples[0].Features.Length });
        var y = torch.tensor(samples.Select(s => s.Label).ToArray());
        return new Batch(x.to(device), y.to(device));
    }

    public static void Train(IReadOnlyList<Sample> samples)
    {
        var model = nn.Linear(samples[0].Features.Length, 3);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-2);
        using var loader = new EpochDataLoader<Sample, Batch>(new SampleSet(samples), Collate, batchSize: 16, shuffle: true, seed: 8);
        var history = EpochLoops.RunEpochs(loader, epochs: 12, batch =>
        {
            optimizer.zero_grad();
            using var loss = nn.functional.cross_entropy(model.forward(batch.Features), batch.Labels);
            loss.backward();
            optimizer.step();
            return loss.item<float>();
        });
        Console.WriteLine($"loss went from {history[0]:F3} to {history[^1]:F3}");
    }
}
