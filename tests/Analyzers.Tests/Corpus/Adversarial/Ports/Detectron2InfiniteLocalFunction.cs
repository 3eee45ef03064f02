// Scenario: detectron2-style iteration-based training written as a top-level program: a local iterator function loops `while (true)` over a loader whose batch sampler shuffles, to make an endless stream, but never sets the epoch, so every pass over the data repeats the first order — wrong (CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int MaxIter = 2000;
const int ImsPerBatch = 16;
const int CheckpointPeriod = 500;
int startIter = args.Length > 0 ? int.Parse(args[0]) : 0;

var dataset = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["image"] = randn(4096, 3, 64, 64),
    ["label"] = randint(0, 80, new long[] { 4096 }),
});
var trainingSampler = new RandomSampler(dataset.Count, seed: 12);
var batchSampler = new BatchSampler(trainingSampler, ImsPerBatch, dropLast: true);
using var loader = new EpochDataLoader(dataset, batchSampler: batchSampler, workers: 4);

var model = nn.Sequential(nn.Conv2d(3, 32, 3, stride: 2), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 80));
var optimizer = optim.SGD(model.parameters(), 0.02, momentum: 0.9);
var scheduler = optim.lr_scheduler.MultiStepLR(optimizer, new List<int> { 1500, 1800 }, 0.1);

IEnumerable<Dictionary<string, Tensor>> InfiniteBatches()
{
    while (true)
    {
        foreach (var batch in loader) //! CMP002
            yield return batch;
    }
}

using var dataIter = InfiniteBatches().GetEnumerator();
for (int iter = startIter; iter < MaxIter; iter++)
{
    using var scope = NewDisposeScope();
    dataIter.MoveNext();
    var data = dataIter.Current;
    var loss = nn.functional.cross_entropy(model.call(data["image"]), data["label"]);
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    scheduler.step();

    if ((iter + 1) % 20 == 0) Console.WriteLine($"iter: {iter + 1}  loss: {loss.item<float>():F4}");
    if ((iter + 1) % CheckpointPeriod == 0) model.save($"model_{iter + 1:D7}.pth");
}
