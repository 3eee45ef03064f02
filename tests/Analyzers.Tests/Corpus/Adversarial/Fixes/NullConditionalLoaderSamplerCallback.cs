// Scenario: the Composer bug ported as a callback whose loader may be missing: `(_trainLoader?.Sampler as IEpochAware)?.SetEpoch(epoch)` on an EpochDataLoader handed in from outside; wrong (it may draw from a batch sampler, which nothing reaches) - CMP001.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.NullConditionalLoaderSamplerCallback;

public interface ITrainerCallback
{
    void OnFitStart(EpochDataLoader? trainLoader, EpochDataLoader? evalLoader);
    void OnEpochStart(int epoch);
}

public sealed class DistributedSamplerCallback : ITrainerCallback
{
    private EpochDataLoader? _trainLoader;
    private EpochDataLoader? _evalLoader;

    public void OnFitStart(EpochDataLoader? trainLoader, EpochDataLoader? evalLoader)
    {
        _trainLoader = trainLoader;
        _evalLoader = evalLoader;
    }

    public void OnEpochStart(int epoch)
    {
        // Reshuffle the training shards; evaluation keeps its order.
        (_trainLoader?.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
        if (_evalLoader is not null) Console.WriteLine($"eval batches: {_evalLoader.Count}");
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(256, 4), ["label"] = randint(0, 2, 256) });
        var shard = new DistributedSampler(data.Count, numReplicas: 2, rank: 0, seed: 5);
        var train = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 16));
        var callback = new DistributedSamplerCallback();
        callback.OnFitStart(train, null);
        var model = nn.Linear(4, 2);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            callback.OnEpochStart(epoch);
            foreach (var batch in train) //! CMP002
                nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
        }
    }
}
