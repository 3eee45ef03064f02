// Scenario: loaders are registered in a generic repository and resolved by name; the P×K train loader comes back from Get, and the epoch loop sets `(train.Sampler as IEpochAware)?.SetEpoch(epoch)` while only reading the batch sampler's count — the batch sampler never hears the epoch: CMP001.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Registry;

public interface IRepository<T> where T : class
{
    void Register(string name, T item);
    T Get(string name);
    IReadOnlyCollection<string> Names { get; }
}

public class Repository<T> : IRepository<T> where T : class
{
    private readonly Dictionary<string, T> _items = new(StringComparer.OrdinalIgnoreCase);
    public IReadOnlyCollection<string> Names => _items.Keys;
    public virtual void Register(string name, T item) => _items.Add(name, item);
    public virtual T Get(string name) => _items.TryGetValue(name, out var item) ? item : throw new InvalidOperationException($"no '{name}' registered");
}

public sealed class LoaderRepository : Repository<EpochDataLoader>
{
    public override void Register(string name, EpochDataLoader item)
    {
        Console.WriteLine($"registering {name}: {item.Count} batches per epoch");
        base.Register(name, item);
    }
}

public static class FaceData
{
    public static (InMemoryDataset Data, List<long> Labels) Make(int people, int photos, int dim)
    {
        var labels = new List<long>(people * photos);
        for (int p = 0; p < people; p++)
            for (int k = 0; k < photos; k++) labels.Add(p);
        var centers = torch.randn(people, dim);
        var index = torch.tensor(labels.ToArray());
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = centers.index_select(0, index) + 0.3 * torch.randn(labels.Count, dim),
            ["label"] = index,
        });
        return (data, labels);
    }

    public static LoaderRepository Register(int seed)
    {
        var repo = new LoaderRepository();
        var (train, labels) = Make(people: 40, photos: 12, dim: 32);
        var (gallery, _) = Make(people: 40, photos: 2, dim: 32);
        repo.Register("train", new EpochDataLoader(train,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: seed)));
        repo.Register("gallery", new EpochDataLoader(gallery, batchSize: 80));
        return repo;
    }
}

public sealed class FaceTrainer(IRepository<EpochDataLoader> loaders)
{
    private readonly nn.Module<Tensor, Tensor> _embed = nn.Sequential(("fc", nn.Linear(32, 16)));

    public void Fit(int epochs)
    {
        foreach (var name in loaders.Names.OrderBy(n => n)) Console.WriteLine($"available: {name}");
        var train = loaders.Get("train");
        var optimizer = optim.Adam(_embed.parameters(), 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            (train.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
            Console.WriteLine($"epoch {epoch}: {train.BatchSampler.Count} batches");
            double sum = 0;
            foreach (var batch in train)
            {
                optimizer.zero_grad();
                var z = nn.functional.normalize(_embed.forward(batch["data"]), p: 2, dim: 1);
                var y = batch["label"];
                var same = y.unsqueeze(0).eq(y.unsqueeze(1)).to(ScalarType.Float32);
                using var loss = nn.functional.binary_cross_entropy_with_logits(z.matmul(z.t()) * 5, same);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            Console.WriteLine($"  loss {sum / Math.Max(1, train.Count):F4}");
        }
        Console.WriteLine($"gallery separation {Separation():F3}");
    }

    private double Separation()
    {
        using var _ = torch.no_grad();
        var batch = loaders.Get("gallery").First();
        var z = nn.functional.normalize(_embed.forward(batch["data"]), p: 2, dim: 1);
        var y = batch["label"];
        var same = y.unsqueeze(0).eq(y.unsqueeze(1));
        var sim = z.matmul(z.t());
        return sim.masked_select(same).mean().item<float>() - sim.masked_select(same.logical_not()).mean().item<float>();
    }
}
