// Scenario: a Lightning-style metric-learning module returns its P×K loader from a method; the epoch hook tests `BatchSampler is IEpochAware` first and falls back to the sampler in an else branch, the epoch loop calls that hook, and recall@k loops over query rows — correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Retrieval;

public sealed class MetricLearningModule
{
    private readonly InMemoryDataset _train;
    private readonly InMemoryDataset _val;
    private readonly List<long> _labels;

    public MetricLearningModule(int identities, int imagesPerIdentity, int features)
    {
        _labels = Enumerable.Range(0, identities * imagesPerIdentity).Select(i => (long)(i / imagesPerIdentity)).ToList();
        var centers = torch.randn(identities, features) * 3;
        var labelTensor = torch.tensor(_labels.ToArray());
        _train = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = centers.index_select(0, labelTensor) + torch.randn(_labels.Count, features),
            ["label"] = labelTensor,
        });
        _val = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = centers + 0.5 * torch.randn(identities, features),
            ["label"] = torch.arange(identities),
        });
    }

    public EpochDataLoader TrainDataLoader(int seed) =>
        new(_train, batchSampler: new ClassBalancedBatchSampler(_labels, classesPerBatch: 8, samplesPerClass: 4, seed: seed));

    public EpochDataLoader ValDataLoader() => new(_val, batchSize: 512);
}

public sealed class DataHooks
{
    public int Calls { get; private set; }

    public void OnTrainEpochStart(EpochDataLoader loader, int epoch)
    {
        Calls++;
        if (loader.BatchSampler is IEpochAware batches) batches.SetEpoch(epoch);
        else if (loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch);
    }
}

public static class Retrieval
{
    public static double RecallAtK(nn.Module<Tensor, Tensor> model, EpochDataLoader gallery, int k)
    {
        using var _ = torch.no_grad();
        var batch = gallery.First();
        var z = nn.functional.normalize(model.forward(batch["data"]), p: 2, dim: 1);
        var labels = batch["label"].data<long>().ToArray();
        var similarity = z.matmul(z.t());
        int hits = 0;
        for (int q = 0; q < labels.Length; q++)
        {
            var row = similarity[q].data<float>().ToArray();
            row[q] = float.NegativeInfinity;
            var nearest = row.Select((s, i) => (s, i)).OrderByDescending(p => p.s).Take(k);
            foreach (var (_, i) in nearest)
                if (labels[i] == labels[q]) { hits++; break; }
        }
        return hits / (double)Math.Max(1, labels.Length);
    }

    public static Tensor BatchHardTriplet(Tensor z, Tensor labels, double margin)
    {
        var d = torch.cdist(z, z);
        var same = labels.unsqueeze(0).eq(labels.unsqueeze(1));
        var hardestPositive = (d * same.to(ScalarType.Float32)).max(1).values;
        var hardestNegative = (d + same.to(ScalarType.Float32) * 1e6).min(1).values;
        return nn.functional.relu(hardestPositive - hardestNegative + margin).mean();
    }
}

public sealed class RetrievalTrainer(MetricLearningModule module, DataHooks hooks)
{
    public void Fit(int epochs, int seed)
    {
        var train = module.TrainDataLoader(seed);
        var val = module.ValDataLoader();
        var model = nn.Sequential(("fc1", nn.Linear(32, 64)), ("act", nn.ReLU()), ("fc2", nn.Linear(64, 16)));
        var optimizer = optim.Adam(model.parameters(), 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            hooks.OnTrainEpochStart(train, epoch);
            double sum = 0;
            foreach (var batch in train)
            {
                optimizer.zero_grad();
                var z = nn.functional.normalize(model.forward(batch["data"]), p: 2, dim: 1);
                using var loss = Retrieval.BatchHardTriplet(z, batch["label"], margin: 0.2);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            if ((epoch + 1) % 2 == 0)
                Console.WriteLine($"epoch {epoch}: loss {sum / train.Count:F4}, recall@1 {Retrieval.RecallAtK(model, val, 1):P1}");
        }
        Console.WriteLine($"hooks ran {hooks.Calls} times");
    }
}
