// Scenario: the user meant to subscribe the train loader's SetEpoch to the EpochStarted event but wrote `-=`; "A method group taken off again (EpochStarted -= train.SetEpoch) sets nothing", so the loader shuffled by a DistributedSampler never gets its epoch — CMP002 at the iteration.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["x"] = torch.randn(800, 12),
    ["y"] = torch.randint(0, 5, new long[] { 800 }),
});
var train = new EpochDataLoader(data, batchSize: 16,
    sampler: new DistributedSampler(data.Count, numReplicas: 1, rank: 0, seed: 3));

var events = new TypoTrainEvents();
events.EpochStarted -= train.SetEpoch;
events.EpochStarted += epoch => Console.WriteLine($"starting epoch {epoch}");

for (int epoch = 0; epoch < 15; epoch++)
{
    events.Raise(epoch);
    foreach (var batch in train) //! CMP002
    {
        _ = batch["y"].shape[0];
    }
}

sealed class TypoTrainEvents
{
    public event Action<int>? EpochStarted;

    public void Raise(int epoch) => EpochStarted?.Invoke(epoch);
}
