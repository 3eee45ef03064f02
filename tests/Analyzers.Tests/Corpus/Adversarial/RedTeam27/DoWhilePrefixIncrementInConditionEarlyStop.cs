// Scenario: an early-stopping loop is written `do { … } while (++epoch < maxEpochs && !stopper.ShouldStop);`: the only advance of `epoch` is the `++` inside the loop's condition, and the pass starts with `Epochs.SetEpoch(train, epoch)` and `balanced.SetEpoch(epoch)`. Right: the condition runs once per pass, so `epoch` is one higher on every pass. CMP004 page, not flagged: "A local the loop changes anywhere in its pass (`e++`, `e += 1`, an assignment, a `ref`/`out` argument)"; the condition is part of the pass. No diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam27.DoWhileIncrement;

public sealed class Patience
{
    private readonly int _limit;
    private double _best = double.MaxValue;
    private int _bad;

    public Patience(int limit) => _limit = limit;

    public bool ShouldStop { get; private set; }

    public void Observe(double loss)
    {
        if (loss < _best - 1e-4) { _best = loss; _bad = 0; }
        else if (++_bad >= _limit) ShouldStop = true;
    }
}

public static class MetricLearning
{
    public static int Train(InMemoryDataset data, IReadOnlyList<long> labels, nn.Module<Tensor, Tensor> embed, int maxEpochs)
    {
        var balanced = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 13);
        using var train = new EpochDataLoader(data, batchSampler: balanced);
        var optimizer = optim.Adam(embed.parameters(), lr: 3e-4);
        var stopper = new Patience(3);
        int epoch = 0;

        do
        {
            Epochs.SetEpoch(train, epoch);
            balanced.SetEpoch(epoch);
            double sum = 0;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var z = nn.functional.normalize(embed.forward(batch["data"]), dim: 1);
                var loss = (1 - z.matmul(z.t())).mean();
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            stopper.Observe(sum / Math.Max(1, train.Count));
        } while (++epoch < maxEpochs && !stopper.ShouldStop);

        return epoch;
    }
}
