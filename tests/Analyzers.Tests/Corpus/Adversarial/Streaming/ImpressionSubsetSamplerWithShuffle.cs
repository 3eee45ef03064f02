// Scenario: a recommender trains each epoch on a fresh 2M-row sample of a year of impressions (RandomSampler with replacement and numSamples), but the loader is also given shuffle: true next to that sampler — wrong: the runtime rejects shuffle with a sampler (CMP006); the epoch is set right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int Users = 500_000, Items = 120_000, Dim = 48;
const long RowsPerEpoch = 2_000_000;

// user id, item id and a clicked flag per impression, exported by the nightly job
using var impressions = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["user"] = torch.load("/data/reco/users.pt"),
    ["item"] = torch.load("/data/reco/items.pt"),
    ["label"] = torch.load("/data/reco/clicked.pt").to(torch.float32),
});

var sample = new RandomSampler(impressions.Count, seed: 8, replacement: true, numSamples: RowsPerEpoch);
using var train = new EpochDataLoader(impressions, batchSize: 4096, shuffle: true, sampler: sample, prefetch: true); //! CMP006

var model = new DotProductModel(Users, Items, Dim);
var optimizer = optim.Adam(model.parameters(), 2e-3);

for (int epoch = 0; epoch < 10; epoch++)
{
    Epochs.SetEpoch(train, epoch);   // a new 2M-row sample every epoch
    double total = 0;
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        var logits = model.call(batch["user"], batch["item"]);
        var loss = nn.functional.binary_cross_entropy_with_logits(logits, batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch}: logloss {total / train.Count:F5}");
}

sealed class DotProductModel : nn.Module<Tensor, Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> _users, _items;

    public DotProductModel(long users, long items, long dim) : base(nameof(DotProductModel))
    {
        _users = nn.Embedding(users, dim);
        _items = nn.Embedding(items, dim);
        RegisterComponents();
    }

    public override Tensor forward(Tensor user, Tensor item) => (_users.call(user) * _items.call(item)).sum(-1);
}
