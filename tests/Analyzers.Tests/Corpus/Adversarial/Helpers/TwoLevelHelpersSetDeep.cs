// Scenario: metric-learning trainer with two levels of helpers on both sides: the loop calls PrepareEpoch(epoch) (instance) -> ResetSampling(loader, epoch) (static) -> Epochs.SetEpoch, then TrainEpoch() -> TrainBatches(_pk) which iterates the P×K loader field. Correct, no finding: "Methods in view are followed through the helpers they call in turn (`BeginEpoch(epoch)` that calls `ResetData(epoch)` that sets the loader)".
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.TwoLevelHelpersSetDeep;

public sealed class PkTrainer
{
    private readonly EpochDataLoader _pk;
    private readonly nn.Module<Tensor, Tensor> _embedder;
    private readonly optim.Optimizer _optimizer;

    public PkTrainer(InMemoryDataset data, long[] labels)
    {
        _pk = new EpochDataLoader(data,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 12));
        _embedder = nn.Sequential(("fc", nn.Linear(64, 64)), ("act", nn.ReLU()), ("out", nn.Linear(64, 16)));
        _optimizer = optim.Adam(_embedder.parameters(), lr: 5e-4);
    }

    public void Fit(int epochs)
    {
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            PrepareEpoch(epoch);
            var loss = TrainEpoch();
            Console.WriteLine($"epoch {epoch}: {loss:F4}");
        }
    }

    private void PrepareEpoch(int epoch)
    {
        _embedder.train();
        ResetSampling(_pk, epoch);
    }

    private static void ResetSampling(EpochDataLoader loader, int epoch) => Epochs.SetEpoch(loader, epoch);

    private double TrainEpoch() => TrainBatches(_pk);

    private double TrainBatches(EpochDataLoader loader)
    {
        double sum = 0;
        var n = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            var z = nn.functional.normalize(_embedder.forward(batch["x"]), dim: 1);
            var sim = z.matmul(z.t());
            var same = batch["y"].unsqueeze(1).eq(batch["y"].unsqueeze(0)).to_type(ScalarType.Float32);
            var loss = nn.functional.binary_cross_entropy_with_logits(sim * 10, same);
            _optimizer.zero_grad();
            loss.backward();
            _optimizer.step();
            sum += loss.item<float>();
            n++;
        }
        return sum / Math.Max(n, 1);
    }
}

public static class Program
{
    public static void Main()
    {
        var labels = Enumerable.Range(0, 3200).Select(i => (long)(i % 40)).ToArray();
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(3200, 64), ["y"] = tensor(labels) });
        new PkTrainer(data, labels).Fit(20);
    }
}
