// Scenario: the whole epoch loop on one line, a brace-less `for` around a `foreach` over the loader with its index, setting the epoch at index 0: wrong (one epoch late) - CMP005. The fix has to give the `for` braces.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.OneLineBracelessEpochLoop;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(360, 3), ["label"] = randint(0, 2, 360) });
        using var train = new EpochDataLoader(data, batchSize: 12, shuffle: true, seed: 64);
        var model = nn.Linear(3, 2);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);
        void Step(Dictionary<string, Tensor> batch) { using var scope = NewDisposeScope(); optimizer.zero_grad(); nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward(); optimizer.step(); }

        for (int epoch = 0; epoch < 6; epoch++) foreach (var (batch, i) in train.Select((b, i) => (b, i))) { if (i == 0) train.SetEpoch(epoch); /* reshuffle */ Step(batch); } //! CMP005
    }
}
