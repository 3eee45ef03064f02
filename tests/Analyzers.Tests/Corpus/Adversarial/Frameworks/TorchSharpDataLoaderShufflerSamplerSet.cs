// Scenario: TorchSharp's own DataLoader gets a DistributedSampler as its shuffler, and the loop sets the epoch through the loader's `sampler` member (TorchSharp's loader has no batch sampler, so this is right) (correct).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharpShuffler;

public static class DdpTorchSharpLoader
{
    public static void Train(InMemoryDataset ds, Sequential model, int epochs)
    {
        using var loader = new DataLoader(ds, 128, new DistributedSampler(ds.Count, Dist.WorldSize, Dist.Rank, seed: 9), disposeDataset: false);
        var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader.sampler is IEpochAware shuffler)
                shuffler.SetEpoch(epoch);

            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
            }
        }
    }
}
