// Scenario: the loader is now chosen by a switch expression on --sampling, and the reshuffle became "if (train.Sampler is IEpochAware s)"; the "pk" arm builds the loader from a ClassBalancedBatchSampler, whose loader Sampler is sequential, so that run never reshuffles (wrong).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

string sampling = args.Length > 0 ? args[0] : "shuffle";
int epochs = args.Length > 1 ? int.Parse(args[1]) : 15;

using var trainSet = new FashionMnist(train: true);
long[] labels = trainSet.Columns["label"].data<long>().ToArray();

using var train = sampling switch
{
    "ddp" => new EpochDataLoader(trainSet, batchSize: 128, sampler: new DistributedSampler(trainSet.Count, seed: 5)),
    "pk" => new EpochDataLoader(trainSet, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 10, samplesPerClass: 12, seed: 5)),
    _ => new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: 5),
};

using var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(784, 256)),
    ("relu", nn.ReLU()),
    ("fc2", nn.Linear(256, 10)));
using var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

for (int ep = 0; ep < epochs; ep++)
{
    if (train.Sampler is IEpochAware s) s.SetEpoch(ep); //! CMP001

    model.train();
    double sum = 0;
    int n = 0;
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        sum += loss.item<float>();
        n++;
    }
    Console.WriteLine($"[{sampling}] ep {ep}: loss {sum / Math.Max(1, n):F4}");
}
