// Scenario: a two-tower retrieval model (user tower, item tower, in-batch sampled softmax) trained data-parallel where each rank reads its own pre-split part of the click log; the user builds the training loader with TorchSharp's torch.utils.data.DataLoader factory, shuffle: true and seed 42 + rank "so ranks differ", which also makes every epoch repeat the same batches and hence the same in-batch negatives (wrong: CMP003 at the factory call).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
int rank = Dist.Rank;
const int Epochs = 12;
const float Temperature = 0.05f;

var clicks = TwoTowerData.ReadPart($"data/clicks/part-{rank:D5}.tsv");
var itemFeatures = torch.load("data/item_features.pt");         // [items, itemDim]

var train = torch.utils.data.DataLoader(clicks, 1024, shuffle: true, seed: 42 + rank, drop_last: true); //! CMP003

var userTower = new TwoTowerUserTower(items: 2_000_000, dim: 64);
var itemTower = nn.Sequential(nn.Linear(itemFeatures.shape[1], 128), nn.ReLU(), nn.Linear(128, 64));
var towers = nn.ModuleList(userTower, itemTower);
using var reducer = new GradientAllReducer(towers);
reducer.BroadcastParameters();
var optimizer = optim.Adagrad(towers.parameters(), lr: 0.05);

for (int epoch = 0; epoch < Epochs; epoch++)
{
    double total = 0;
    long steps = 0;
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        var u = nn.functional.normalize(userTower.call(batch["history"]), dim: 1);
        var v = nn.functional.normalize(itemTower.call(itemFeatures.index_select(0, batch["item"])), dim: 1);
        var logits = torch.mm(u, v.t()) / Temperature;            // other rows' items are the negatives
        var loss = nn.functional.cross_entropy(logits, torch.arange(logits.shape[0]));
        optimizer.zero_grad();
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();
        total += loss.item<float>();
        steps++;
    }
    if (rank == 0) Console.WriteLine($"epoch {epoch}: sampled-softmax loss {total / Math.Max(steps, 1):F4}");
}

sealed class TwoTowerUserTower : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Embedding _items;
    private readonly TorchSharp.Modules.Linear _proj;

    public TwoTowerUserTower(long items, long dim) : base(nameof(TwoTowerUserTower))
    {
        _items = nn.Embedding(items, dim, padding_idx: 0);
        _proj = nn.Linear(dim, dim);
        RegisterComponents();
    }

    // history: [B, 50] clicked item ids, 0-padded; mean of the clicked items' embeddings.
    public override Tensor forward(Tensor history)
    {
        var mask = history.ne(0).unsqueeze(-1).to_type(ScalarType.Float32);
        return _proj.call((_items.call(history) * mask).sum(1) / mask.sum(1).clamp_min(1));
    }
}

static class TwoTowerData
{
    // Each line: item id, then the user's last 50 clicked item ids (0-padded).
    public static InMemoryDataset ReadPart(string path)
    {
        var rows = File.ReadLines(path).Select(l => l.Split('\t').Select(long.Parse).ToArray()).ToArray();
        return new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["item"] = torch.tensor(rows.Select(r => r[0]).ToArray()),
            ["history"] = torch.tensor(rows.SelectMany(r => r.Skip(1).Take(50)).ToArray()).view(rows.Length, 50),
        });
    }
}
