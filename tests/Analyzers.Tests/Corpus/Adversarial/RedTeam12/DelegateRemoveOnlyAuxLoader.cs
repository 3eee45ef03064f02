// Scenario: a semi-supervised loop keeps an Action<int> of epoch hooks; the labelled loader's setter is combined in, but for the unlabelled loader the user called Delegate.Remove instead of Delegate.Combine — taking the method group off again, so the unlabelled loader (RandomSampler) never gets its epoch — CMP002 at its iteration.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var labelled = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = torch.randn(500, 8) });
var unlabelled = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = torch.randn(5000, 8) });
var sup = new EpochDataLoader(labelled, batchSize: 25, shuffle: true, seed: 3);
var unsup = new EpochDataLoader(unlabelled, batchSize: 250, sampler: new RandomSampler(unlabelled.Count, seed: 4));

Action<int>? onEpoch = null;
onEpoch = (Action<int>?)Delegate.Combine(onEpoch, (Action<int>)sup.SetEpoch);
onEpoch = (Action<int>?)Delegate.Remove(onEpoch, (Action<int>)unsup.SetEpoch);

for (int epoch = 0; epoch < 40; epoch++)
{
    onEpoch?.Invoke(epoch);
    foreach (var (l, u) in sup.Zip(unsup)) //! CMP002
    {
        using var scope = torch.NewDisposeScope();
        _ = l["x"].sum() + u["x"].mean();
    }
}
