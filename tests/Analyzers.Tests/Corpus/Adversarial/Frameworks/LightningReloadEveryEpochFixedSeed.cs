// Scenario: a port of Lightning's reload_dataloaders_every_n_epochs=1 rebuilds both loaders each epoch but always with the configured seed, so the EpochDataLoader and the TorchSharp DataLoader replay one order (bug).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

var cfg = new ReloadConfig(MaxEpochs: 5, BatchSize: 64, Seed: 42);
var trainSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.randn(2048, 32),
    ["label"] = torch.randint(0, 4, new long[] { 2048 }),
});
var auxSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.randn(512, 32),
    ["label"] = torch.randint(0, 4, new long[] { 512 }),
});

var model = nn.Sequential(("fc1", nn.Linear(32, 128)), ("gelu", nn.GELU()), ("fc2", nn.Linear(128, 4)));
var optimizer = optim.AdamW(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < cfg.MaxEpochs; epoch++)
{
    // reload_dataloaders_every_n_epochs = 1
    using var train = new EpochDataLoader(trainSet, cfg.BatchSize, shuffle: true, seed: cfg.Seed);
    using var aux = new DataLoader(auxSet, cfg.BatchSize, shuffle: true, seed: cfg.Seed, disposeDataset: false); //! CMP003

    model.train();
    foreach (var batch in train) //! CMP002
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
    Console.WriteLine($"epoch {epoch} done");
}

record ReloadConfig(int MaxEpochs, int BatchSize, int Seed);
