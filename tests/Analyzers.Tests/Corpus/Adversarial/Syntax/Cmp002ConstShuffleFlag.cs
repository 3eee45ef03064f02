// Scenario: shuffling is switched on through a class-level `const bool`; the epoch loop never sets the train loader's epoch (bug: CMP002, since the const is the constant true).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002ConstShuffleFlag;

public sealed class TabularExperiment
{
    private const bool ShuffleTrain = true;
    private const bool ShuffleEval = false;
    private const int BatchSize = 256;

    public void Run(InMemoryDataset trainSet, InMemoryDataset evalSet, int epochs)
    {
        using var train = new EpochDataLoader(trainSet, BatchSize, shuffle: ShuffleTrain, seed: 2024);
        using var eval = new EpochDataLoader(evalSet, BatchSize, shuffle: ShuffleEval);
        var model = nn.Linear(12, 2);
        var opt = optim.AdamW(model.parameters(), lr: 3e-4);

        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            foreach (var batch in train) //! CMP002
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }

            using var _ = no_grad();
            var hits = eval.Sum(b => model.call(b["data"]).argmax(1).eq(b["label"]).sum().item<long>());
            Console.WriteLine($"epoch {epoch}: accuracy {hits / (double)evalSet.Count:P2}");
        }
    }
}
