using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class ReproducibilityTests
{
    [Fact]
    public void SameSeedGivesIdenticalWeights()
    {
        var first = Train(seed: 7);
        var second = Train(seed: 7);
        foreach (var (name, weights) in first)
        {
            Assert.Equal(weights, second[name]);
        }
    }

    [Fact]
    public void ADifferentTrainerSeedChangesTheDropoutMasksAndSoTheWeights()
    {
        var first = Train(seed: 7);
        var other = Train(seed: 8);
        Assert.NotEqual(first["module.fc1.weight"], other["module.fc1.weight"]);
    }

    private static Dictionary<string, float[]> Train(int seed)
    {
        // The model's initial weights are fixed; only the trainer's seed (dropout) varies between tests.
        using var model = TrainingFixtures.Mlp(1, dropout: 0.3);
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(256, 64),
            MaxDuration = "2ep",
            Seed = seed,
            Device = "cpu",
        });
        trainer.Fit();
        return TrainingFixtures.Weights(model);
    }
}
