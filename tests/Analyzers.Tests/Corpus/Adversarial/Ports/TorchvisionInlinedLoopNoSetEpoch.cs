// Scenario: torchvision's classification reference ported with the train loop inlined into the epoch loop for MPI data-parallel training; the DistributedSampler's set_epoch line was dropped in translation — wrong (CMP002), the evaluation loader's non-shuffling sampler is fine.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.TorchvisionInlinedLoopNoSetEpoch;

public sealed class Options
{
    public int BatchSize { get; init; } = 64;
    public int Epochs { get; init; } = 30;
    public double Lr { get; init; } = 0.05;
    public int Seed { get; init; } = 0;
    public string OutputDir { get; init; } = "checkpoints";
}

public sealed class DistributedClassificationTrainer
{
    private readonly Options _options;
    private readonly nn.Module<Tensor, Tensor> _model;

    public DistributedClassificationTrainer(Options options)
    {
        _options = options;
        _model = nn.Sequential(nn.Flatten(), nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 10));
    }

    public void Train(InMemoryDataset trainSet, InMemoryDataset testSet)
    {
        Dist.Initialize();
        var trainSampler = new DistributedSampler(trainSet.Count, Dist.WorldSize, Dist.Rank, seed: _options.Seed);
        var testSampler = new DistributedSampler(testSet.Count, Dist.WorldSize, Dist.Rank, shuffle: false);
        using var dataLoader = new EpochDataLoader(trainSet, _options.BatchSize, sampler: trainSampler, dropLast: true);
        using var dataLoaderTest = new EpochDataLoader(testSet, _options.BatchSize, sampler: testSampler);

        using var reducer = new GradientAllReducer(_model);
        reducer.BroadcastParameters();
        var optimizer = optim.SGD(_model.parameters(), _options.Lr, momentum: 0.9);
        var scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, _options.Epochs);

        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            _model.train();
            double running = 0;
            foreach (var batch in dataLoader) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.call(batch["image"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
                running += loss.item<float>();
            }
            scheduler.step();

            _model.eval();
            var correct = zeros(1, ScalarType.Int64);
            using (no_grad())
            {
                foreach (var batch in dataLoaderTest)
                    correct += _model.call(batch["image"]).argmax(1).eq(batch["label"]).sum();
            }
            Dist.AllReduce(correct);

            if (Dist.Rank == 0)
            {
                Console.WriteLine($"epoch {epoch}: train loss {running / dataLoader.Count:F4}, correct {correct.item<long>()}/{testSet.Count}");
                Directory.CreateDirectory(_options.OutputDir);
                _model.save(Path.Combine(_options.OutputDir, $"model_{epoch}.pth"));
            }
        }
    }
}
