using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

/// <summary>
/// <see cref="TrainerOptions.ClipGradNorm"/> bounds every optimizer step: with plain SGD (no momentum, no weight decay)
/// a step moves the weights by the learning rate times the gradients, whose total L2 norm clipping brings down to the maximum.
/// </summary>
[Collection(TrainingCollection.Name)]
public class GradientClippingTests
{
    private const double LearningRate = 0.1;

    [Fact]
    public void AClippedStepMovesTheWeightsByAtMostTheLearningRateTimesTheMaxNorm()
    {
        const double maxNorm = 0.05;
        double unclipped = StepLength(clipGradNorm: null);
        double clipped = StepLength(clipGradNorm: maxNorm);

        // Unclipped, the same step is far longer: the gradients' norm is well above maxNorm, so the bound is no accident.
        Assert.True(unclipped > 5 * LearningRate * maxNorm, $"The unclipped step is {unclipped}, not longer than {5 * LearningRate * maxNorm}.");
        // Clipped, it is lr × maxNorm (clip_grad_norm_ scales by maxNorm / (norm + 1e-6): a hair under, never over).
        Assert.InRange(clipped, 0.999 * LearningRate * maxNorm, LearningRate * maxNorm * (1 + 1e-4));
    }

    /// <summary>The L2 norm, over every parameter, of how far one batch's step moves the weights.</summary>
    private static double StepLength(double? clipGradNorm)
    {
        using var model = TrainingFixtures.Mlp(3, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), LearningRate);
        var before = TrainingFixtures.Weights(model);
        using (var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(64, 64),
            MaxDuration = "1ba",
            ClipGradNorm = clipGradNorm,
            Device = "cpu",
        }))
        {
            trainer.Fit();
            Assert.Equal(1, trainer.State.Timestamp.Batch);
        }

        var after = TrainingFixtures.Weights(model);
        double squares = 0;
        foreach (var (name, weights) in before)
        {
            for (int i = 0; i < weights.Length; i++)
            {
                double moved = (double)after[name][i] - weights[i];
                squares += moved * moved;
            }
        }

        return Math.Sqrt(squares);
    }
}
