// Scenario: a training entry point reuses a loader handed in by the caller if any, otherwise builds a shuffling one with `train ??= new EpochDataLoader(..., shuffle: true)`; the epoch loop never sets its epoch (bug: CMP002; the visible creation is epoch-dependent).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002LocalNullCoalescingAssignment;

public static class Entry
{
    public static void Train(InMemoryDataset data, nn.Module<Tensor, Tensor> model, int epochs, EpochDataLoader? reuse = null)
    {
        var train = reuse;
        train ??= new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 0);
        var opt = optim.SGD(model.parameters(), learningRate: 0.05);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in train) //! CMP002
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
        }
    }
}
