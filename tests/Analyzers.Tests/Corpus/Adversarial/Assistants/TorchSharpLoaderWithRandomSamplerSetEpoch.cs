// Scenario: an answer to "why does my TorchSharp DataLoader give the same order every epoch?" replaces `shuffle: true, seed: 42` with a RandomSampler as the shuffler and calls `sampler.SetEpoch(epoch)` each epoch, as `sampler.set_epoch` in the PyTorch docs (right, no diagnostic).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

// ---------------------------------------------------------------------------------
// BEFORE (same order every epoch):
//   var loader = new DataLoader(dataset, 32, shuffle: true, seed: 42);
// AFTER: give the loader an epoch-aware sampler and tell it the epoch.
// ---------------------------------------------------------------------------------

var n_samples = 8_192;
var inputs = torch.rand(n_samples, 3, 32, 32);
var targets = torch.randint(0, 10, new long[] { n_samples });
using var dataset = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = inputs, ["label"] = targets });

var sampler = new RandomSampler(dataset.Count, seed: 42);                  // reproducible AND different per epoch
using var loader = new DataLoader(dataset, 32, sampler, disposeDataset: false);

var model = nn.Sequential(
    nn.Conv2d(3, 16, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(16, 32, 3, padding: 1), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
    nn.Flatten(), nn.Linear(32, 10));
var optimizer = optim.SGD(model.parameters(), learningRate: 0.01, momentum: 0.9, weight_decay: 5e-4);
var scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 5, gamma: 0.5);

for (var epoch = 0; epoch < 15; epoch++)
{
    sampler.SetEpoch(epoch);   // <- the important line: new permutation from (seed, epoch)

    var sw = System.Diagnostics.Stopwatch.StartNew();
    double loss_sum = 0;
    var batches = 0;
    foreach (var batch in loader)
    {
        using var d = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        loss_sum += loss.item<float>();
        batches++;
    }
    scheduler.step();

    Console.WriteLine($"epoch {epoch + 1,2} | loss {loss_sum / batches:F4} | lr {optimizer.ParamGroups.First().LearningRate:G3} | {sw.Elapsed.TotalSeconds:F1}s");
}
