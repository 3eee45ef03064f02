// Scenario: an abstract LearnerBase whose Fit(epochs) calls virtual hooks; the base BeforeEpoch sets the train loader's epoch and subclasses override only TrainStep/AfterEpoch — right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Learners.Abstract;

public abstract class LearnerBase
{
    protected EpochDataLoader Train { get; }
    protected EpochDataLoader Valid { get; }

    protected LearnerBase(InMemoryDataset trainSet, InMemoryDataset validSet, int batchSize)
    {
        Train = new EpochDataLoader(trainSet, batchSize, shuffle: true, seed: 3);
        Valid = new EpochDataLoader(validSet, batchSize);
    }

    protected virtual void BeforeEpoch(int epoch) => Train.SetEpoch(epoch);
    protected abstract double TrainStep(Dictionary<string, Tensor> batch);
    protected virtual double ValidStep(Dictionary<string, Tensor> batch) => 0;
    protected virtual void AfterEpoch(int epoch, double trainLoss, double validLoss) { }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            BeforeEpoch(epoch);
            double trainLoss = 0, validLoss = 0;
            foreach (var batch in Train) trainLoss += TrainStep(batch);
            using (torch.no_grad())
                foreach (var batch in Valid) validLoss += ValidStep(batch);
            AfterEpoch(epoch, trainLoss, validLoss);
        }
    }
}

public sealed class ClassifierLearner : LearnerBase
{
    private readonly Func<Dictionary<string, Tensor>, Tensor> _loss;
    private readonly Action _optimizerStep;

    public ClassifierLearner(InMemoryDataset trainSet, InMemoryDataset validSet, Func<Dictionary<string, Tensor>, Tensor> loss, Action optimizerStep)
        : base(trainSet, validSet, batchSize: 64)
    {
        _loss = loss;
        _optimizerStep = optimizerStep;
    }

    protected override double TrainStep(Dictionary<string, Tensor> batch)
    {
        using var loss = _loss(batch);
        loss.backward();
        _optimizerStep();
        return loss.item<float>();
    }

    protected override void AfterEpoch(int epoch, double trainLoss, double validLoss) =>
        Console.WriteLine($"{epoch}: train {trainLoss:F3} valid {validLoss:F3}");
}
