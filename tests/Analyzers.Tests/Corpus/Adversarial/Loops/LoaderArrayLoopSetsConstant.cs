// Scenario: inside the epoch loop, a foreach over an inline array of loaders sets each loader's epoch to the constant 0; judged by the epoch loop around it, the epoch never changes: bug.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

using var source = new FashionMnist(train: true);
using var extra = new FashionMnist(folder: "/data/fashion-mnist-extra", train: true);
using var main = new EpochDataLoader(source, batchSize: 128, shuffle: true, seed: 5);
using var aux = new EpochDataLoader(extra, batchSize: 32, shuffle: true, seed: 6);

var backbone = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 256)), ("relu", nn.ReLU()));
var head = nn.Linear(256, 10);
var optimizer = optim.Adam(backbone.parameters().Concat(head.parameters()), lr: 1e-3);

for (int epoch = 0; epoch < 15; epoch++)
{
    foreach (var l in new[] { main, aux }) l.SetEpoch(0); //! CMP004

    using var auxBatches = aux.GetEnumerator();
    foreach (var batch in main)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(head.forward(backbone.forward(batch["data"])), batch["label"]);
        if (auxBatches.MoveNext())
        {
            var ab = auxBatches.Current;
            using var auxLoss = nn.functional.cross_entropy(head.forward(backbone.forward(ab["data"])), ab["label"]);
            (loss + 0.3f * auxLoss).backward();
        }
        else
        {
            loss.backward();
        }
        optimizer.step();
    }
    Console.WriteLine($"epoch {epoch} done");
}
