// Scenario: a training script enumerates a shuffled loader with LINQ Select((b, i) => ...) and calls Epochs.SetEpoch at step 0 inside that enumeration, one epoch too late (bug).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var ds = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.randn(4096, 24),
    ["label"] = torch.randint(0, 6, new long[] { 4096 }),
});
using var loader = new EpochDataLoader(ds, batchSize: 128, shuffle: true, seed: 2024);

var model = nn.Sequential(("fc1", nn.Linear(24, 96)), ("silu", nn.SiLU()), ("drop", nn.Dropout(0.1)), ("fc2", nn.Linear(96, 6)));
var optimizer = optim.AdamW(model.parameters(), lr: 2e-3);
var lossFn = nn.CrossEntropyLoss();

for (int epoch = 0; epoch < 12; epoch++)
{
    model.train();
    foreach (var (batch, step) in loader.Select((b, i) => (b, i)))
    {
        if (step == 0)
            Epochs.SetEpoch(loader, epoch); //! CMP005

        optimizer.zero_grad();
        using var loss = lossFn.call(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        if (step % 10 == 0) Console.WriteLine($"epoch {epoch} step {step} loss {loss.item<float>():F4}");
    }
}
