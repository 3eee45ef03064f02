// Scenario: active learning; each query round builds a TorchSharp DataLoader over the labeled set with shuffle: true, seed: 500 + round, then trains several epochs on it: the seed changes per round, but the epochs of a round all replay one order (wrong).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int PoolSize = 5000, Features = 16, Classes = 3;
const int InitialLabels = 200, QueryBatch = 100, Rounds = 10, EpochsPerRound = 8;

torch.manual_seed(42);
var x = torch.randn(PoolSize, Features);
var y = (x[.., 0] * 1.5 + x[.., 3]).bucketize(torch.tensor(new[] { -0.5f, 0.5f }));

var rng = new Random(42);
var unlabeled = Enumerable.Range(0, PoolSize).Select(i => (long)i).OrderBy(_ => rng.Next()).ToList();
var labeled = unlabeled.Take(InitialLabels).ToList();
unlabeled.RemoveRange(0, InitialLabels);

var model = Sequential(("fc1", Linear(Features, 64)), ("relu", ReLU()), ("fc2", Linear(64, Classes)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);

for (int round = 0; round < Rounds; round++)
{
    var labeledSet = new RowSubset(x, y, labeled.ToArray());
    using var loader = new DataLoader(labeledSet, 32, shuffle: true, seed: 500 + round); //! CMP003

    model.train();
    for (int epoch = 0; epoch < EpochsPerRound; epoch++)
    {
        foreach (var batch in loader)
        {
            using var scope = torch.NewDisposeScope();
            var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }

    // query the most uncertain pool samples (max entropy)
    model.eval();
    var poolSet = new RowSubset(x, y, unlabeled.ToArray());
    using var poolLoader = new DataLoader(poolSet, 256, shuffle: false);
    var scored = new List<(long Row, float Entropy)>();
    using (torch.no_grad())
    {
        foreach (var batch in poolLoader)
        {
            var probs = functional.softmax(model.forward(batch["data"]), dim: 1);
            var entropy = -(probs * probs.clamp_min(1e-8).log()).sum(1);
            var rows = batch["row"].data<long>().ToArray();
            var ents = entropy.data<float>().ToArray();
            for (int i = 0; i < rows.Length; i++) scored.Add((rows[i], ents[i]));
        }
    }

    var queried = scored.OrderByDescending(s => s.Entropy).Take(QueryBatch).Select(s => s.Row).ToHashSet();
    labeled.AddRange(queried);                 // the oracle labels them (y is already known here)
    unlabeled.RemoveAll(queried.Contains);
    Console.WriteLine($"round {round}: {labeled.Count} labeled, {unlabeled.Count} left in the pool");
}

sealed class RowSubset(Tensor features, Tensor labels, long[] rows) : torch.utils.data.Dataset
{
    public override long Count => rows.Length;

    public override Dictionary<string, Tensor> GetTensor(long index) => new()
    {
        ["data"] = features[rows[index]],
        ["label"] = labels[rows[index]],
        ["row"] = torch.tensor(rows[index]),
    };
}
