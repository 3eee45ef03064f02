// Scenario: neural collaborative filtering with four negatives per positive redrawn every epoch by the data set from the runtime's per-sample generator; the user sets epoch 0 before the loop and, at the end of each pass, the next epoch for the coming pass (epoch + 1), and measures HR@10 each epoch with LINQ over an in-order evaluation loader (right, no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Domains.RecommenderNegativeRedraw;

public sealed class NcfImplicitDataset : torch.utils.data.Dataset, IRandomizedDataset<Dictionary<string, Tensor>>
{
    private readonly (long User, long Item)[] _positives;
    private readonly HashSet<long>[] _seen;
    private readonly long _items;
    private const int NegativesPerPositive = 4;

    public NcfImplicitDataset((long User, long Item)[] positives, long users, long items)
    {
        _positives = positives;
        _items = items;
        _seen = Enumerable.Range(0, (int)users).Select(_ => new HashSet<long>()).ToArray();
        foreach (var (u, i) in positives) _seen[u].Add(i);
    }

    public override long Count => _positives.Length;

    public override Dictionary<string, Tensor> GetTensor(long index) => GetSample(index, new SampleRandom(0, 0, index));

    public Dictionary<string, Tensor> GetSample(long index, SampleRandom random)
    {
        var (user, item) = _positives[index];
        var items = new long[1 + NegativesPerPositive];
        var labels = new float[1 + NegativesPerPositive];
        items[0] = item;
        labels[0] = 1f;
        for (int k = 1; k < items.Length; k++)
        {
            long candidate;
            do candidate = (long)(random.NextDouble() * _items); while (_seen[user].Contains(candidate));
            items[k] = candidate;
        }
        return new()
        {
            ["user"] = torch.full(new long[] { items.Length }, user, dtype: ScalarType.Int64),
            ["item"] = torch.tensor(items),
            ["label"] = torch.tensor(labels),
        };
    }
}

public sealed class NcfTrainer
{
    private readonly nn.Module<Tensor, Tensor> _mlp;
    private readonly TorchSharp.Modules.Embedding _userEmb, _itemEmb;

    public NcfTrainer(long users, long items)
    {
        _userEmb = nn.Embedding(users, 32);
        _itemEmb = nn.Embedding(items, 32);
        _mlp = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1));
    }

    private Tensor Score(Tensor user, Tensor item) =>
        _mlp.call(torch.cat(new[] { _userEmb.call(user), _itemEmb.call(item) }, -1)).squeeze(-1);

    public void Fit(NcfImplicitDataset train, InMemoryDataset leaveOneOut, int epochs)
    {
        using var loader = new EpochDataLoader(train, batchSize: 256, shuffle: true, seed: 2018, workers: 2);
        using var evalLoader = new EpochDataLoader(leaveOneOut, batchSize: 100);
        var parameters = _mlp.parameters().Concat(_userEmb.parameters()).Concat(_itemEmb.parameters()).ToList();
        var optimizer = optim.Adam(parameters, lr: 1e-3);

        loader.SetEpoch(0);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in loader)
            {
                using var scope = torch.NewDisposeScope();
                var logits = Score(batch["user"].reshape(-1), batch["item"].reshape(-1));
                var loss = nn.functional.binary_cross_entropy_with_logits(logits, batch["label"].reshape(-1));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            loader.SetEpoch(epoch + 1); // negatives and order for the coming pass

            // Each eval row: one user, its held-out item first, then 99 sampled non-interacted items.
            using (torch.no_grad())
            {
                double hits = evalLoader
                    .Select(b => Score(b["user"].unsqueeze(1).expand(-1, 100), b["candidates"]).topk(10).indexes.eq(0).any(1).sum().item<long>())
                    .Sum();
                Console.WriteLine($"epoch {epoch}: HR@10 {hits / leaveOneOut.Count:F4}");
            }
        }
    }
}
