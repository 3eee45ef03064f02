// Scenario: an abstract LearnerBase whose Fit calls a virtual BeforeEpoch with an empty body; the concrete subclass overrides it to set the train loader's epoch — right at run time, but the rules read the virtual method the call names, not its overrides, so the base Fit's iteration is flagged (CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Learners.AbstractOverride;

public abstract class LearnerBase
{
    protected EpochDataLoader Train { get; }

    protected LearnerBase(InMemoryDataset trainSet, int batchSize)
    {
        Train = new EpochDataLoader(trainSet, batchSize, shuffle: true, seed: 8);
    }

    protected virtual void BeforeEpoch(int epoch) { }
    protected abstract double TrainStep(Dictionary<string, Tensor> batch);
    protected virtual void AfterEpoch(int epoch, double loss) { }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            BeforeEpoch(epoch);
            double loss = 0;
            foreach (var batch in Train) //! CMP002
                loss += TrainStep(batch);
            AfterEpoch(epoch, loss);
        }
    }
}

public sealed class RegressionLearner : LearnerBase
{
    private readonly Func<Dictionary<string, Tensor>, Tensor> _mse;

    public RegressionLearner(InMemoryDataset trainSet, Func<Dictionary<string, Tensor>, Tensor> mse)
        : base(trainSet, batchSize: 32) => _mse = mse;

    protected override void BeforeEpoch(int epoch) => Train.SetEpoch(epoch);

    protected override double TrainStep(Dictionary<string, Tensor> batch)
    {
        using var loss = _mse(batch);
        loss.backward();
        return loss.item<float>();
    }
}
