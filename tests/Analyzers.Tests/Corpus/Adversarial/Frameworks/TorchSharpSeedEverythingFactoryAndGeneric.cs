// Scenario: after a Lightning-style seed_everything, the script builds TorchSharp loaders with shuffle and a fixed seed — the factory with options.Seed and the generic DataLoader<T,S> with SeedEverything + rank — so each epoch reshuffles to the same order (bug); the eval loader is not shuffled (fine).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const int SeedEverything = 42;
var opts = new RunOptions(Seed: SeedEverything, Deterministic: false, Epochs: 6);
torch.manual_seed(opts.Seed);

var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = torch.randn(3000, 8), ["y"] = torch.randint(0, 2, new long[] { 3000 }) });
var evalSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = torch.randn(500, 8), ["y"] = torch.randint(0, 2, new long[] { 500 }) });
var pairSet = new PairDataset(3000);

var train = torch.utils.data.DataLoader(trainSet, 64, shuffle: true, seed: opts.Seed, disposeDataset: false); //! CMP003
var pairs = new DataLoader<(float, float), Tensor>(pairSet, 32, Collate, shuffle: !opts.Deterministic, seed: SeedEverything + Dist.Rank); //! CMP003
var eval = torch.utils.data.DataLoader(evalSet, 256, shuffle: false, seed: SeedEverything);

var model = nn.Sequential(("fc1", nn.Linear(8, 32)), ("relu", nn.ReLU()), ("fc2", nn.Linear(32, 2)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < opts.Epochs; epoch++)
{
    foreach (var batch in train)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.call(batch["x"]), batch["y"]);
        loss.backward();
        optimizer.step();
    }
    foreach (var pairBatch in pairs)
        Console.WriteLine($"pair batch mean {pairBatch.mean().item<float>():F3}");
    using (torch.no_grad())
        foreach (var batch in eval)
            Console.WriteLine($"eval loss {nn.functional.cross_entropy(model.call(batch["x"]), batch["y"]).item<float>():F4}");
}

static Tensor Collate(IEnumerable<(float, float)> rows, Device device)
    => torch.tensor(rows.SelectMany(r => new[] { r.Item1, r.Item2 }).ToArray()).reshape(-1, 2).to(device);

sealed class PairDataset(long count) : torch.utils.data.Dataset<(float, float)>
{
    public override long Count => count;
    public override (float, float) GetTensor(long index) => (index * 0.5f, index * 0.25f);
}

record RunOptions(int Seed, bool Deterministic, int Epochs);
