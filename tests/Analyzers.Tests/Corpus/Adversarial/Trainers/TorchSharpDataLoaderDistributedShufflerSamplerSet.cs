// Scenario: TorchSharp's own DataLoader gets a DistributedSampler as its shuffler and the loop sets the epoch on loader.sampler: correct, TorchSharp's loader has no batch sampler.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharpOnly;

public static class PlainDataLoaderDdp
{
    public static void Train(Tensor features, Tensor labels, int epochs, int rank, int worldSize)
    {
        var shuffler = new DistributedSampler(features.shape[0], numReplicas: worldSize, rank: rank, seed: 5);
        using var loader = new DataLoader(new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = features, ["y"] = labels }), 64, shuffler);

        var model = nn.Sequential(nn.Linear(features.shape[1], 64), nn.ReLU(), nn.Linear(64, 10));
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.1, momentum: 0.9);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader.sampler is IEpochAware sampler) sampler.SetEpoch(epoch);

            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
