// Scenario: a multi-task mixer draws the next task by weight from a list of record-held loaders, opening one enumerator per task in a LINQ lambda; every task loader's epoch is set at the top of each epoch: correct.
using Composer.Data;
using static TorchSharp.torch;

namespace Wrappers.WeightedMixing;

public sealed record TaskSpec(string Name, EpochDataLoader Loader, double Weight);

public sealed class MultiTaskMixer
{
    private readonly List<TaskSpec> _tasks;
    private readonly Random _rng;

    public MultiTaskMixer(IEnumerable<TaskSpec> tasks, int seed)
    {
        _tasks = tasks.ToList();
        _rng = new Random(seed);
    }

    public void Train(int epochs, Action<string, Dictionary<string, Tensor>> step)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var task in _tasks) task.Loader.SetEpoch(epoch);

            var live = _tasks.ToDictionary(t => t.Name, t => (t.Weight, Batches: t.Loader.GetEnumerator()));
            try
            {
                while (live.Count > 0)
                {
                    string name = Pick(live.Select(kv => (kv.Key, kv.Value.Weight)).ToList());
                    var batches = live[name].Batches;
                    if (batches.MoveNext())
                    {
                        step(name, batches.Current);
                    }
                    else
                    {
                        batches.Dispose();
                        live.Remove(name);
                    }
                }
            }
            finally
            {
                foreach (var (_, value) in live) value.Batches.Dispose();
            }
        }
    }

    private string Pick(IReadOnlyList<(string Name, double Weight)> weights)
    {
        double r = _rng.NextDouble() * weights.Sum(w => w.Weight);
        foreach (var (name, weight) in weights)
        {
            r -= weight;
            if (r <= 0) return name;
        }
        return weights[^1].Name;
    }
}
