using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharpTabular;
using static TorchSharp.torch;

int epochs = args.Length > 0 ? int.Parse(args[0]) : 5;
var data = TabularData.Synthetic(rows: 4096, features: 16, seed: 0);
var model = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 1));

using var train = LoaderFactory.MakeEpochAware(data, 128, seed: 7);
using var eval = LoaderFactory.MakeEval(data);
var history = new TabularTrainer(train, eval, model).Fit(epochs);
Console.WriteLine($"final eval MSE {history[^1]:F5}");

// A quick look at one shuffled batch, reproducible across runs.
using var probe = torch.utils.data.DataLoader(data, 32, true, null, 42); //! CMP003 factory, positional shuffle and seed
Console.WriteLine($"probe batch mean {probe.First()["label"].mean().item<float>():F4}");

// Warm-up passes for a second head, with an epoch-aware shuffler.
using var warmup = new DataLoader(data, 64, new RandomSampler(data.Count, seed: 11), disposeDataset: false);
var head = nn.Linear(16, 1);
using var headOptimizer = optim.SGD(head.parameters(), 0.01);
for (int round = 0; round < 2; round++)
{
    foreach (var batch in warmup) //! CMP002 RandomSampler shuffler, epoch never set
    {
        using var scope = NewDisposeScope();
        headOptimizer.zero_grad();
        nn.functional.mse_loss(head.call(batch["data"]), batch["label"]).backward();
        headOptimizer.step();
    }
}
