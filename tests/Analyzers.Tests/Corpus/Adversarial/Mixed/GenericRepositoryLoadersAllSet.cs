// Scenario: loaders and model heads live in a generic in-memory repository; the multi-task trainer takes its loaders from it, sets the epoch of every registered loader at the start of each pass, then zips the train and auxiliary loaders — correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.MultiTask;

public interface IRepository<TKey, TValue> where TKey : notnull
{
    void Add(TKey key, TValue value);
    TValue Get(TKey key);
    IEnumerable<KeyValuePair<TKey, TValue>> All();
}

public sealed class InMemoryRepository<TKey, TValue> : IRepository<TKey, TValue> where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _items = new();
    public int Count => _items.Count;
    public void Add(TKey key, TValue value) => _items[key] = value;
    public TValue Get(TKey key) => _items.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key.ToString());
    public IEnumerable<KeyValuePair<TKey, TValue>> All() => _items;
    public bool Remove(TKey key) => _items.Remove(key);
}

public sealed class CachedRepository<TKey, TValue>(IRepository<TKey, TValue> inner) : IRepository<TKey, TValue> where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _cache = new();
    public int Hits { get; private set; }
    public void Add(TKey key, TValue value) { _cache.Remove(key); inner.Add(key, value); }
    public TValue Get(TKey key)
    {
        if (_cache.TryGetValue(key, out var hit)) { Hits++; return hit; }
        return _cache[key] = inner.Get(key);
    }
    public IEnumerable<KeyValuePair<TKey, TValue>> All() => inner.All();
}

public static class Catalog
{
    public static IRepository<string, EpochDataLoader> Loaders(int seed)
    {
        var repo = new InMemoryRepository<string, EpochDataLoader>();
        repo.Add("train", new EpochDataLoader(Make(4096, seed), batchSize: 64, shuffle: true, seed: seed));
        repo.Add("aux", new EpochDataLoader(Make(4096, seed + 1), batchSize: 64, shuffle: true, seed: seed + 1));
        repo.Add("eval", new EpochDataLoader(Make(512, seed + 2), batchSize: 256));
        return new CachedRepository<string, EpochDataLoader>(repo);
    }

    public static IRepository<string, nn.Module<Tensor, Tensor>> Heads()
    {
        var repo = new InMemoryRepository<string, nn.Module<Tensor, Tensor>>();
        repo.Add("cls", nn.Linear(32, 4));
        repo.Add("reg", nn.Linear(32, 1));
        return repo;
    }

    private static InMemoryDataset Make(long n, int seed)
    {
        using var _ = torch.random.manual_seed(seed);
        return new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(n, 16),
            ["label"] = torch.randint(0, 4, new long[] { n }),
            ["target"] = torch.randn(n, 1),
        });
    }
}

public sealed class MultiTaskTrainer(IRepository<string, EpochDataLoader> loaders, IRepository<string, nn.Module<Tensor, Tensor>> heads)
{
    private readonly nn.Module<Tensor, Tensor> _encoder = nn.Sequential(("fc", nn.Linear(16, 32)), ("act", nn.Tanh()));

    public Dictionary<string, double> Fit(int epochs, double auxWeight = 0.3)
    {
        var train = loaders.Get("train");
        var aux = loaders.Get("aux");
        var cls = heads.Get("cls");
        var reg = heads.Get("reg");
        var parameters = _encoder.parameters().Concat(cls.parameters()).Concat(reg.parameters()).ToList();
        var optimizer = optim.Adam(parameters, 1e-3);
        var totals = new Dictionary<string, double> { ["cls"] = 0, ["reg"] = 0 };

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var (name, loader) in loaders.All())
            {
                loader.SetEpoch(epoch);
                Console.WriteLine($"{name}: {loader.Count} batches");
            }

            foreach (var (a, b) in train.Zip(aux))
            {
                optimizer.zero_grad();
                using var clsLoss = nn.functional.cross_entropy(cls.forward(_encoder.forward(a["data"])), a["label"]);
                using var regLoss = nn.functional.mse_loss(reg.forward(_encoder.forward(b["data"])), b["target"]);
                using var loss = clsLoss + auxWeight * regLoss;
                loss.backward();
                optimizer.step();
                totals["cls"] += clsLoss.item<float>();
                totals["reg"] += regLoss.item<float>();
            }

            foreach (var key in totals.Keys.ToList()) totals[key] /= Math.Max(1, train.Count);
            Console.WriteLine($"epoch {epoch}: " + string.Join(", ", totals.Select(kv => $"{kv.Key}={kv.Value:F4}")));
        }
        return totals;
    }
}
