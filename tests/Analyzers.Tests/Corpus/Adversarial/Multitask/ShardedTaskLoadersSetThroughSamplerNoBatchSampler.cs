// Scenario: data-parallel multi-task regression (two property-prediction tasks) where each task loader is built with batchSize and an explicit DistributedSampler, no batch sampler; the epoch is set through each loader's Sampler, which is that DistributedSampler under the loader's own BatchSampler (correct: no diagnostic).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
const int epochs = 50;

using var solubility = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["fingerprint"] = torch.load("data/molecules/esol_fp.pt"),
    ["target"] = torch.load("data/molecules/esol_y.pt"),
});
using var lipophilicity = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["fingerprint"] = torch.load("data/molecules/lipo_fp.pt"),
    ["target"] = torch.load("data/molecules/lipo_y.pt"),
});

using var esolLoader = new EpochDataLoader(solubility, batchSize: 64,
    sampler: new DistributedSampler(solubility.Count, seed: 31), dropLast: true);
using var lipoLoader = new EpochDataLoader(lipophilicity, batchSize: 64,
    sampler: new DistributedSampler(lipophilicity.Count, seed: 32), dropLast: true);

var shared = nn.Sequential(nn.Linear(2048, 512), nn.ReLU(), nn.Dropout(0.2), nn.Linear(512, 256), nn.ReLU());
var esolHead = nn.Linear(256, 1);
var lipoHead = nn.Linear(256, 1);
var model = nn.ModuleList(shared, esolHead, lipoHead);
var optimizer = optim.Adam(model.parameters(), 1e-3);
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();

for (int epoch = 0; epoch < epochs; epoch++)
{
    // each shard reshuffles from (seed, epoch); the loaders batch whatever their sampler yields
    ((DistributedSampler)esolLoader.Sampler).SetEpoch(epoch);
    ((DistributedSampler)lipoLoader.Sampler).SetEpoch(epoch);

    double esolLoss = 0, lipoLoss = 0;
    using var lipoIt = lipoLoader.GetEnumerator();
    foreach (var batch in esolLoader)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.mse_loss(esolHead.call(shared.call(batch["fingerprint"])).squeeze(1), batch["target"]);
        esolLoss += loss.item<float>();
        if (lipoIt.MoveNext())
        {
            var lb = lipoIt.Current;
            var l2 = nn.functional.mse_loss(lipoHead.call(shared.call(lb["fingerprint"])).squeeze(1), lb["target"]);
            lipoLoss += l2.item<float>();
            loss = loss + l2;
        }
        optimizer.zero_grad();
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();
    }

    if (Dist.Rank == 0)
        Console.WriteLine($"epoch {epoch}: esol {esolLoss / esolLoader.Count:F4}  lipo {lipoLoss / lipoLoader.Count:F4}");
}
