// Scenario: training script builds an EpochHooks object around the train loader; its OnEpochStart logs only on rank 0 but sets the loader's epoch on every rank, and the loop calls it unconditionally — right
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

var data = new FashionMnist(train: true);
var shard = new DistributedSampler(data.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 8);
using var train = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 64));

var model = nn.Sequential(("flat", nn.Flatten()), ("h", nn.Linear(784, 128)), ("r", nn.ReLU()), ("o", nn.Linear(128, 10)));
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();
var opt = optim.SGD(model.parameters(), 0.05);
var ce = nn.CrossEntropyLoss();

var hooks = new EpochHooks(train, Dist.Rank, "runs/fmnist-ddp");
for (int epoch = 0; epoch < 10; epoch++)
{
    hooks.OnEpochStart(epoch);
    double sum = 0;
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        opt.zero_grad();
        var loss = ce.forward(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        opt.step();
        sum += loss.item<float>();
    }
    hooks.OnEpochEnd(epoch, sum / train.Count, model);
}

sealed class EpochHooks
{
    private readonly EpochDataLoader _loader;
    private readonly int _rank;
    private readonly string _runDir;
    private readonly System.Diagnostics.Stopwatch _clock = new();

    public EpochHooks(EpochDataLoader loader, int rank, string runDir)
    {
        _loader = loader;
        _rank = rank;
        _runDir = runDir;
    }

    public void OnEpochStart(int epoch)
    {
        if (_rank == 0)
            Console.WriteLine($"epoch {epoch}: {_loader.Count} batches per rank");
        _loader.SetEpoch(epoch);   // every rank reshuffles its shard
        _clock.Restart();
    }

    public void OnEpochEnd(int epoch, double loss, nn.Module model)
    {
        Dist.Barrier();
        if (_rank != 0) return;
        Directory.CreateDirectory(_runDir);
        File.AppendAllText(Path.Combine(_runDir, "log.csv"), $"{epoch},{loss:F5},{_clock.Elapsed.TotalSeconds:F1}\n");
        model.save(Path.Combine(_runDir, "last.bin"));
    }
}
