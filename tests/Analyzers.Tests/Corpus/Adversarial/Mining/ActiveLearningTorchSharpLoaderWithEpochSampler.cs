// Scenario: active learning by margin sampling; each round rebuilds a TorchSharp DataLoader over the grown labeled set with an epoch-aware RandomSampler as its shuffler and calls Epochs.SetEpoch(loader, epoch) in every epoch of the round (right).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int PoolSize = 8000, Features = 22, Classes = 5;
const int Seeded = 250, PerRound = 150, Rounds = 12, EpochsPerRound = 6;

torch.manual_seed(100);
var x = torch.randn(PoolSize, Features);
var y = x[.., ..Classes].argmax(1);
var all = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = y, ["row"] = torch.arange(PoolSize, dtype: int64) });

var shuffled = torch.randperm(PoolSize).data<long>().ToArray();
var labeled = shuffled.Take(Seeded).ToList();
var pool = shuffled.Skip(Seeded).ToHashSet();

var model = Sequential(("fc1", Linear(Features, 96)), ("relu", ReLU()), ("fc2", Linear(96, Classes)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
using var poolLoader = new DataLoader(all, 1024, shuffle: false);

for (int round = 0; round < Rounds; round++)
{
    using var rows = torch.tensor(labeled.ToArray());
    var labeledSet = new InMemoryDataset(new Dictionary<string, Tensor>
    {
        ["data"] = x.index_select(0, rows),
        ["label"] = y.index_select(0, rows),
    });
    using var loader = new DataLoader(labeledSet, 32, new RandomSampler(labeledSet.Count, seed: 100 + round), disposeDataset: true);

    model.train();
    for (int epoch = 0; epoch < EpochsPerRound; epoch++)
    {
        Epochs.SetEpoch(loader, epoch);
        foreach (var batch in loader)
        {
            using var scope = torch.NewDisposeScope();
            var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }

    // margin sampling: smallest gap between the two most likely classes
    model.eval();
    var margins = new List<(long Row, float Margin)>();
    using (torch.no_grad())
    {
        foreach (var batch in poolLoader)
        {
            var top2 = functional.softmax(model.forward(batch["data"]), dim: 1).topk(2, dim: 1).values;
            var gap = (top2[.., 0] - top2[.., 1]).data<float>().ToArray();
            var ids = batch["row"].data<long>().ToArray();
            for (int i = 0; i < ids.Length; i++)
                if (pool.Contains(ids[i])) margins.Add((ids[i], gap[i]));
        }
    }

    foreach (var (row, _) in margins.OrderBy(m => m.Margin).Take(PerRound))
    {
        labeled.Add(row);
        pool.Remove(row);
    }
    Console.WriteLine($"round {round}: {labeled.Count} labeled");
}
