namespace Composer.Runtime.Tests.Training;

/// <summary>
/// Training tests seed and draw from torch's global generator (dropout, initial weights), so they run
/// one at a time and alone: a test running in parallel would draw from the same generator.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrainingCollection
{
    public const string Name = "Training";
}
