// Scenario: a continual-learning trainer class (experience replay with dark-knowledge logits) trains each new task next to a memory loader; at the start of every epoch it calls a static helper of the same class that sets the epoch of every loader in the array it is given (correct: no diagnostic).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lab.Continual;

public sealed class DarkReplayTrainer
{
    private readonly Sequential _model;
    private readonly optim.Optimizer _optimizer;
    private readonly int _epochsPerTask;
    private readonly double _alpha;

    public DarkReplayTrainer(Sequential model, int epochsPerTask = 5, double alpha = 0.3)
    {
        _model = model;
        _optimizer = optim.SGD(model.parameters(), 0.03);
        _epochsPerTask = epochsPerTask;
        _alpha = alpha;
    }

    /// <summary>Trains one task; the memory holds past inputs and the logits the model gave them then.</summary>
    public void LearnTask(int taskId, InMemoryDataset taskData, InMemoryDataset memory)
    {
        using var current = new EpochDataLoader(taskData, batchSize: 32, shuffle: true, seed: 1000 + taskId);
        using var replay = new EpochDataLoader(memory, batchSize: 32, shuffle: true, seed: 2000 + taskId);

        for (int epoch = 0; epoch < _epochsPerTask; epoch++)
        {
            Reshuffle(new[] { current, replay }, epoch);

            double total = 0;
            int steps = 0;
            foreach (var (batch, past) in current.Zip(replay))
            {
                using var scope = NewDisposeScope();
                var ce = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                var distill = nn.functional.mse_loss(_model.call(past["data"]), past["logits"]);
                var loss = ce + _alpha * distill;

                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
                total += loss.item<float>();
                steps++;
            }
            Console.WriteLine($"task {taskId} epoch {epoch}: {total / Math.Max(steps, 1):F4}");
        }
    }

    private static void Reshuffle(IEnumerable<EpochDataLoader> loaders, int epoch)
    {
        foreach (var loader in loaders)
            loader.SetEpoch(epoch);
    }
}
