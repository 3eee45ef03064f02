// Scenario: a hyper-parameter trial service handles each request by training over a RandomSampler loader, but sets the sampler's epoch to the number of epochs (a local) instead of the current epoch — wrong, CMP004.
using System.Collections.Concurrent;
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Tuning.Service;

public sealed record TrialRequest(Guid TrialId, int Epochs, int BatchSize, double LearningRate, int HiddenUnits, int Seed);

public sealed record TrialResult(Guid TrialId, double ValidationAccuracy, TimeSpan Duration);

public sealed class TrialService
{
    private readonly InMemoryDataset _train;
    private readonly InMemoryDataset _validation;
    private readonly ConcurrentDictionary<Guid, TrialResult> _results = new();

    public TrialService(InMemoryDataset train, InMemoryDataset validation)
    {
        _train = train;
        _validation = validation;
    }

    public IReadOnlyDictionary<Guid, TrialResult> Results => _results;

    public Task<TrialResult> SubmitAsync(TrialRequest request, CancellationToken ct) =>
        Task.Run(() => _results[request.TrialId] = Handle(request, ct), ct);

    private TrialResult Handle(TrialRequest request, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        int epochs = request.Epochs;
        int features = (int)_train.Columns["data"].shape[1];

        var sampler = new RandomSampler(_train.Count, seed: request.Seed);
        using var trainLoader = new EpochDataLoader(_train, batchSize: request.BatchSize, sampler: sampler);
        using var validLoader = new EpochDataLoader(_validation, batchSize: 1024);

        var model = nn.Sequential(nn.Linear(features, request.HiddenUnits), nn.ReLU(), nn.Linear(request.HiddenUnits, 10));
        var optimizer = optim.SGD(model.parameters(), request.LearningRate, momentum: 0.9, nesterov: true);
        double accuracy = 0;

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            sampler.SetEpoch(epochs); //! CMP004

            model.train();
            foreach (var batch in trainLoader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }

            model.eval();
            long correct = 0, seen = 0;
            using (no_grad())
            {
                foreach (var batch in validLoader)
                {
                    using var scope = NewDisposeScope();
                    var predicted = model.forward(batch["data"]).argmax(1);
                    correct += predicted.eq(batch["label"]).sum().item<long>();
                    seen += batch["label"].shape[0];
                }
            }
            accuracy = (double)correct / Math.Max(seen, 1);
        }

        return new TrialResult(request.TrialId, accuracy, clock.Elapsed);
    }
}
