using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class SamTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)] // every other step is an ordinary one
    [InlineData(3, 1)] // the third step of each three (with 2, an off-by-two step count would still look right)
    [InlineData(1, 2)] // micro-batches: both passes accumulate over them
    public void ItsStepsMatchAHandWrittenTwoPassStep(int interval, int gradAccumSteps)
    {
        const double rho = 0.05, epsilon = 1e-12;
        var batches = TrainingFixtures.Batches(128, 32);

        using var model = TrainingFixtures.Mlp(8, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
        var losses = new List<double>();
        using (var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = batches,
            Device = "cpu",
            GradAccumSteps = gradAccumSteps,
            Algorithms = [new SAM(rho, epsilon, interval)],
            Callbacks = [new RecordingCallback((e, s) => { if (e == Event.BatchEnd) { losses.Add(s.Loss); } })],
        }))
        {
            trainer.Fit();
        }

        using var byHand = TrainingFixtures.Mlp(8, dropout: 0);
        using var handOptimizer = optim.SGD(byHand.parameters(), 0.1, momentum: 0.9);
        var handLosses = new List<double>();
        var parameters = byHand.parameters().ToList();
        for (int step = 0; step < batches.Count; step++)
        {
            using var scope = NewDisposeScope();
            var (x, y) = (batches[step]["data"], batches[step]["label"]);
            handOptimizer.zero_grad();
            var loss = Backward(byHand, x, y, gradAccumSteps);
            handLosses.Add(loss);
            if ((step + 1) % interval == 0)
            {
                var originals = parameters.Select(p => p.detach().clone()).ToList();
                using (no_grad())
                {
                    // ε = ρ · g / (‖g‖ + eps), ‖g‖ the 2-norm of all gradients together.
                    var norm = stack(parameters.Select(p => p.grad!.norm()).ToList()).norm();
                    var scale = rho / (norm + epsilon);
                    foreach (var p in parameters)
                    {
                        p.add_(p.grad! * scale);
                    }
                }

                handOptimizer.zero_grad();
                Backward(byHand, x, y, gradAccumSteps); // the gradient at w + ε
                using (no_grad())
                {
                    for (int i = 0; i < parameters.Count; i++)
                    {
                        parameters[i].copy_(originals[i]);
                    }
                }
            }

            handOptimizer.step();
        }

        Assert.Equal(handLosses, losses); // the loss at w, bit for bit
        var expected = TrainingFixtures.Weights(byHand);
        foreach (var (name, weights) in TrainingFixtures.Weights(model))
        {
            Assert.Equal(expected[name], weights); // bit for bit
        }
    }

    [Fact]
    public void RecomputingGradientsOutsideAfterTrainBatchIsRefused()
    {
        using var model = TrainingFixtures.Mlp(8, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var trainer = new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(32, 32), Device = "cpu" });
        var e = Assert.Throws<InvalidOperationException>(() => trainer.State.RecomputeGradients());
        Assert.Contains("AfterTrainBatch", e.Message);
    }

    /// <summary>The trainer's backward: one pass, or micro-batches each weighted by its share.</summary>
    private static float Backward(ComposerClassifier model, Tensor x, Tensor y, int parts)
    {
        if (parts == 1)
        {
            var loss = nn.functional.cross_entropy(model.Module.call(x), y);
            loss.backward();
            return loss.item<float>();
        }

        long size = x.size(0), start = 0;
        Tensor? total = null;
        for (int part = 0; part < parts; part++)
        {
            long length = size / parts + (part < size % parts ? 1 : 0);
            var loss = nn.functional.cross_entropy(model.Module.call(x.narrow(0, start, length)), y.narrow(0, start, length)) * ((double)length / size);
            loss.backward();
            total = total is null ? loss.detach() : total + loss.detach();
            start += length;
        }

        return total!.item<float>();
    }
}
