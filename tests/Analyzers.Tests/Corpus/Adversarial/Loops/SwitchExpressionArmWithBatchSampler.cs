// Scenario: a switch expression picks the loader by mode and one arm builds it from a ClassBalancedBatchSampler; the loop sets only loader.Sampler's epoch: the Composer bug for that arm.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

string mode = args.Length > 0 ? args[0] : "shuffle";
using var data = new FashionMnist(train: true);
long[] labels = data.Columns["label"].data<long>().ToArray();

using var loader = mode switch
{
    "pk" => new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 8, seed: 9)),
    "ddp" => new EpochDataLoader(data, batchSize: 64, sampler: new DistributedSampler(data.Count, seed: 9)),
    _ => new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 9),
};

var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 256)), ("relu", nn.ReLU()), ("fc2", nn.Linear(256, 10)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < 10; epoch++)
{
    if (loader.Sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001
    foreach (var batch in loader)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }
}
