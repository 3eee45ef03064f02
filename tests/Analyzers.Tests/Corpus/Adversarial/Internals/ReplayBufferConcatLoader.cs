// Scenario: continual learning; each epoch replays a buffer of stored batches and then the new task's shuffling loader (`replay.Concat(loader)`), never setting the loader's epoch. Wrong (CMP002 on `loader`, the sequence argument of Concat).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.ReplayBufferConcatLoader;

public sealed class ReplayBuffer
{
    private readonly List<Dictionary<string, Tensor>> _batches = [];
    private readonly int _capacity;
    private readonly Random _random = new(17);

    public ReplayBuffer(int capacity) => _capacity = capacity;

    public IReadOnlyList<Dictionary<string, Tensor>> Batches => _batches;

    public void Offer(Dictionary<string, Tensor> batch)
    {
        var copy = batch.ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
        if (_batches.Count < _capacity) _batches.Add(copy);
        else _batches[_random.Next(_capacity)] = copy;
    }
}

public static class ContinualLearner
{
    public static void LearnTask(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, InMemoryDataset task, ReplayBuffer replay, int epochs)
    {
        using var loader = new EpochDataLoader(task, batchSize: 64, shuffle: true, seed: 11);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            double total = 0;
            int steps = 0;
            foreach (var batch in replay.Batches.Concat(loader)) //! CMP002
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                if (++steps % 25 == 0) replay.Offer(batch);
            }
            Console.WriteLine($"task epoch {epoch}: {(steps > 0 ? total / steps : 0):F4}");
        }
    }
}
