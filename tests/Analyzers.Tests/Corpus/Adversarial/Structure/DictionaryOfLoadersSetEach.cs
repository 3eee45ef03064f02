// Scenario: a multi-task trainer keeps one shuffling loader per task in a Dictionary<string, EpochDataLoader> built with ToDictionary, and each epoch walks the dictionary, setting each loader's epoch before iterating it (right).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.DictionaryOfLoadersSetEach;

public sealed class MultiTaskTrainer : IDisposable
{
    private readonly Dictionary<string, EpochDataLoader> _tasks;
    private readonly Dictionary<string, nn.Module<Tensor, Tensor>> _heads;
    private readonly nn.Module<Tensor, Tensor> _encoder;
    private readonly optim.Optimizer _optimizer;

    public MultiTaskTrainer(IReadOnlyDictionary<string, InMemoryDataset> sets, nn.Module<Tensor, Tensor> encoder, int hidden, int seed)
    {
        _encoder = encoder;
        _tasks = sets.ToDictionary(
            kv => kv.Key,
            kv => new EpochDataLoader(kv.Value, batchSize: 32, shuffle: true, seed: seed));
        _heads = sets.ToDictionary(kv => kv.Key, kv => (nn.Module<Tensor, Tensor>)nn.Linear(hidden, 2));
        var parameters = encoder.parameters().Concat(_heads.Values.SelectMany(h => h.parameters()));
        _optimizer = optim.Adam(parameters, lr: 3e-4);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var perTask = new Dictionary<string, double>();
            foreach (var (task, loader) in _tasks)
            {
                loader.SetEpoch(epoch);
                double total = 0;
                foreach (var batch in loader)
                {
                    _optimizer.zero_grad();
                    var features = _encoder.forward(batch["x"]);
                    using var loss = nn.functional.cross_entropy(_heads[task].forward(features), batch["y"]);
                    loss.backward();
                    _optimizer.step();
                    total += loss.item<float>();
                }
                perTask[task] = total;
            }
            Console.WriteLine($"epoch {epoch}: " + string.Join(", ", perTask.Select(kv => $"{kv.Key}={kv.Value:F2}")));
        }
    }

    public void Dispose()
    {
        foreach (var loader in _tasks.Values) loader.Dispose();
    }
}
