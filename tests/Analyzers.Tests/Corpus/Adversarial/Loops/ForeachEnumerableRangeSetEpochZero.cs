// Scenario: a foreach over Enumerable.Range epochs calls SetEpoch(0) on every pass (a "reset" copied from a snippet), so the shuffle never changes: bug.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

using var train = new FashionMnist(train: true);
using var loader = new EpochDataLoader(train, batchSize: 64, shuffle: true, seed: 3, prefetch: true);

var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(784, 512)),
    ("drop", nn.Dropout(0.2)),
    ("relu", nn.ReLU()),
    ("fc2", nn.Linear(512, 10)));
var optimizer = optim.RMSProp(model.parameters(), lr: 1e-3);
int epochs = args.Length > 0 ? int.Parse(args[0]) : 8;

foreach (var epoch in Enumerable.Range(0, epochs))
{
    loader.SetEpoch(0); //! CMP004
    model.train();
    float last = 0;
    foreach (var batch in loader)
    {
        optimizer.zero_grad();
        using var output = model.forward(batch["data"]);
        using var loss = nn.functional.cross_entropy(output, batch["label"]);
        loss.backward();
        optimizer.step();
        last = loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch}: last batch loss {last:F4}");
}
model.save("mlp.bin");
