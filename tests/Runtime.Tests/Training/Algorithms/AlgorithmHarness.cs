using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

/// <summary>
/// Applies an augmenting algorithm at <see cref="Event.AfterDataloader"/> to batches a test gives it, as the trainer
/// does before each batch, without training: thousands of draws in a fraction of a second, for statistics on them.
/// </summary>
internal sealed class AlgorithmHarness : IDisposable
{
    private readonly ComposerClassifier _model;
    private readonly optim.Optimizer _optimizer;
    private readonly Trainer _trainer;

    /// <param name="maxDuration">The training's length, in epochs: each epoch has one batch, so epoch <c>e</c> is at progress <c>e / maxDuration</c>.</param>
    public AlgorithmHarness(int maxDuration = 1_000_000)
    {
        _model = TrainingFixtures.Mlp(1, dropout: 0);
        _optimizer = optim.SGD(_model.parameters(), 0.1);
        _trainer = new Trainer(new()
        {
            Model = _model,
            Optimizer = _optimizer,
            TrainLoader = TrainingFixtures.Batches(32, 32),
            Device = "cpu",
            MaxDuration = $"{maxDuration}ep",
        });
    }

    /// <summary>
    /// Applies <paramref name="algorithm"/> to <paramref name="batch"/> as the batch of epoch <paramref name="epoch"/>
    /// (each epoch draws its own numbers from <see cref="State.BatchRandom"/>) and returns the batch it leaves.
    /// </summary>
    public Dictionary<string, Tensor> Apply(Algorithm algorithm, Dictionary<string, Tensor> batch, int epoch)
    {
        var state = _trainer.State;
        state.Timestamp = new Timestamp(epoch, epoch, 0, 0);
        state.Batch = batch;
        algorithm.Apply(Event.AfterDataloader, state, state.Logger);
        return state.Batch!;
    }

    public void Dispose()
    {
        _trainer.Dispose();
        _optimizer.Dispose();
        _model.Dispose();
    }
}
