// Scenario: an optional auxiliary loader (`EpochDataLoader? aux`) whose epoch is set with the nullable idiom `if (aux is { } a) a.SetEpoch(epoch);` next to `train.SetEpoch(epoch)`; correct, no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002OptionalAuxLoaderEmptyPattern;

public sealed class MultiTaskRun
{
    public void Fit(InMemoryDataset main, InMemoryDataset? auxSet, int epochs)
    {
        using var train = new EpochDataLoader(main, batchSize: 64, shuffle: true, seed: 1);
        EpochDataLoader? aux = auxSet is null ? null : new EpochDataLoader(auxSet, batchSize: 32, shuffle: true, seed: 2);
        var model = nn.Linear(16, 4);
        var opt = optim.Adam(model.parameters());

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            if (aux is { } a) a.SetEpoch(epoch);

            foreach (var batch in train)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }

            if (aux is not null)
            {
                foreach (var batch in aux)
                {
                    opt.zero_grad();
                    using var loss = 0.1 * nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                    loss.backward();
                    opt.step();
                }
            }
        }
        aux?.Dispose();
    }
}
