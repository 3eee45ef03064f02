using Composer.Data;
using MetricPk;
using static TorchSharp.torch;

int epochs = args.Length > 0 ? int.Parse(args[0]) : 4;
const int Classes = 10, PerClass = 40;

var labels = Enumerable.Range(0, Classes * PerClass).Select(i => (long)(i % Classes)).ToArray();
using var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(labels.Length, 32),
    ["label"] = tensor(labels),
});

var embedder = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 16));
using var optimizer = optim.Adam(embedder.parameters(), 1e-3);
var trainer = new PkTrainer(embedder, optimizer);
var stopper = new PlateauStopper();

var pk = new PkLoader(data, labels, p: 8, k: 4, seed: 3);
for (int epoch = 0; epoch < epochs; epoch++)
{
    pk.set_epoch(epoch);
    var losses = pk.Select(trainer.Step).ToList();
    Console.WriteLine($"epoch {epoch}: {losses.Count} P×K batches, mean loss {losses.Average():F4}");
    if (stopper.ShouldStop(losses.Average())) break;
}
