// Scenario: a warmup loop over steps only runs the model on a dummy tensor, one single (timed) pass goes over the shuffled loader, and a final loop only logs: no epoch loop, correct.
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

using var train = new FashionMnist(train: true);
using var loader = new EpochDataLoader(train, batchSize: 256, shuffle: true, seed: 1, prefetch: true);
var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 512)), ("relu", nn.ReLU()), ("fc2", nn.Linear(512, 10)));
var optimizer = optim.SGD(model.parameters(), learningRate: 0.01);

// warm up kernels and allocator on a fixed dummy batch: no data loading here
using (var dummy = torch.randn(256, 1, 28, 28))
{
    for (int step = 0; step < 20; step++)
    {
        optimizer.zero_grad();
        using var output = model.forward(dummy);
        using var loss = output.pow(2).mean();
        loss.backward();
    }
}

var timings = new List<(string Phase, double Ms)>();
var clock = Stopwatch.StartNew();
long batches = 0;
foreach (var batch in loader)
{
    optimizer.zero_grad();
    using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
    loss.backward();
    optimizer.step();
    batches++;
}
timings.Add(("one epoch", clock.Elapsed.TotalMilliseconds));
timings.Add(("per batch", clock.Elapsed.TotalMilliseconds / Math.Max(1, batches)));

for (int i = 0; i < timings.Count; i++)
    Console.WriteLine($"{timings[i].Phase,-10} {timings[i].Ms,10:F2} ms");
