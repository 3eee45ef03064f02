// Scenario: a run is described by a positional record `RunConfig(EpochDataLoader Train, int Epochs)`; the loop reshuffles with `(config.Train.Sampler as IEpochAware)?.SetEpoch(epoch)`: wrong (a record's positional property is not in view, so the loader may draw from a batch sampler) - CMP001.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.RecordRunConfigLoaderSamplerOnly;

public sealed record RunConfig(EpochDataLoader Train, int Epochs, double LearningRate);

public static class Runner
{
    public static void Run(RunConfig config, nn.Module<Tensor, Tensor> model)
    {
        var optimizer = optim.Adam(model.parameters(), lr: config.LearningRate);
        for (int epoch = 0; epoch < config.Epochs; epoch++)
        {
            (config.Train.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
            foreach (var batch in config.Train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }

    public static void Main()
    {
        var labels = Enumerable.Range(0, 320).Select(i => (long)(i % 4)).ToList();
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(320, 8), ["label"] = tensor(labels.ToArray()) });
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 4, samplesPerClass: 8, seed: 2);
        Run(new RunConfig(new EpochDataLoader(data, batchSampler: pk), Epochs: 5, LearningRate: 1e-3), nn.Linear(8, 4));
    }
}
