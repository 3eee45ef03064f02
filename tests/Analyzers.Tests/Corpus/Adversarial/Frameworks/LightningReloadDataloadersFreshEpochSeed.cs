// Scenario: a port of Lightning's reload_dataloaders_every_n_epochs=1 rebuilds both loaders inside the epoch loop with seed: baseSeed + epoch, so every epoch gets a new order without SetEpoch (correct).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PortedLightning.Reload;

public static class ReloadEveryEpoch
{
    public static void Fit(InMemoryDataset trainSet, InMemoryDataset auxSet, int maxEpochs, int baseSeed)
    {
        var model = nn.Sequential(("fc1", nn.Linear(32, 128)), ("gelu", nn.GELU()), ("fc2", nn.Linear(128, 4)));
        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            using var train = new EpochDataLoader(trainSet, 64, shuffle: true, seed: baseSeed + epoch);
            using var aux = new DataLoader(auxSet, 64, shuffle: true, seed: baseSeed + epoch, disposeDataset: false);

            model.train();
            foreach (var batch in train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            foreach (var batch in aux)
            {
                optimizer.zero_grad();
                using var auxLoss = 0.1 * nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                auxLoss.backward();
                optimizer.step();
            }
        }
    }
}
