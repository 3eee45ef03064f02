using Composer.Data;
using static TorchSharp.torch;

namespace ShardedLm;

/// <summary>The loop every language-model trainer shares; subclasses decide what happens around an epoch.</summary>
public abstract class TrainerBase(EpochDataLoader train)
{
    protected EpochDataLoader Train { get; } = train;

    public int Epoch { get; private set; }

    public void Fit(int epochs)
    {
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            Epoch = epoch;
            BeforeEpoch(epoch);
            double loss = 0;
            long steps = 0;
            foreach (var batch in Train)
            {
                loss += Step(batch);
                steps++;
            }
            AfterEpoch(epoch, steps == 0 ? double.NaN : loss / steps);
        }
    }

    protected abstract void BeforeEpoch(int epoch);

    protected abstract double Step(Dictionary<string, Tensor> batch);

    protected virtual void AfterEpoch(int epoch, double meanLoss) =>
        Console.WriteLine($"epoch {epoch}: loss {meanLoss:F4} (ppl {Math.Exp(meanLoss):F1})");
}
