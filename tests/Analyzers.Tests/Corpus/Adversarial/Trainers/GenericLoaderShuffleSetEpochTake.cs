// Scenario: a generic EpochDataLoader<T, TBatch> with shuffle: true trains a fixed number of steps per epoch with Take(n) after loader.SetEpoch(epoch), and also sets its Sampler's epoch: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Typed.Steps;

public sealed class Batch(Tensor images, Tensor labels)
{
    public Tensor Images { get; } = images;
    public Tensor Labels { get; } = labels;
}

public sealed class ImageDataset(IReadOnlyList<(float[] Pixels, long Label)> items) : torch.utils.data.Dataset<(float[] Pixels, long Label)>
{
    public override long Count => items.Count;
    public override (float[] Pixels, long Label) GetTensor(long index) => items[(int)index];
}

public static class StepBudget
{
    public static void Train(IReadOnlyList<(float[] Pixels, long Label)> items, int epochs, int stepsPerEpoch)
    {
        using var loader = new EpochDataLoader<(float[] Pixels, long Label), Batch>(
            new ImageDataset(items),
            (samples, device) => new Batch(
                tensor(samples.SelectMany(s => s.Pixels).ToArray(), new long[] { samples.Count, 784 }).to(device),
                tensor(samples.Select(s => s.Label).ToArray()).to(device)),
            batchSize: 32,
            shuffle: true,
            seed: 123);

        var model = nn.Sequential(nn.Linear(784, 100), nn.ReLU(), nn.Linear(100, 10));
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            loader.SetEpoch(epoch);
            if (loader.Sampler is RandomSampler random) random.SetEpoch(epoch);

            foreach (var batch in loader.Take(stepsPerEpoch))
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch.Images), batch.Labels);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
