// Scenario: co-training zips a labelled and an unlabelled shuffling loader each epoch and sets neither epoch: wrong - CMP002 twice on the one `foreach` (on `labelled.Zip(…)` and on the `unlabelled` argument); Fix All should set both.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.CoTrainingZipTwoShufflingLoaders;

public static class CoTraining
{
    public static void Main()
    {
        var labelledData = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(500, 16), ["label"] = randint(0, 4, 500) });
        var unlabelledData = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(5000, 16) });
        using var labelled = new EpochDataLoader(labelledData, batchSize: 25, shuffle: true, seed: 1);
        using var unlabelled = new EpochDataLoader(unlabelledData, batchSize: 250, shuffle: true, seed: 2);

        var student = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 4));
        var teacher = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 4));
        var optimizer = optim.Adam(student.parameters(), lr: 5e-4);

        for (int epoch = 0; epoch < 30; epoch++)
        {
            foreach (var (sup, unsup) in labelled.Zip(unlabelled)) //! CMP002 CMP002
            {
                using var scope = NewDisposeScope();
                var supervised = nn.functional.cross_entropy(student.forward(sup["data"]), sup["label"]);
                Tensor pseudo;
                using (no_grad()) pseudo = teacher.forward(unsup["data"]).softmax(1);
                var consistency = nn.functional.kl_div(student.forward(unsup["data"]).log_softmax(1), pseudo, reduction: nn.Reduction.Mean);
                var loss = supervised + 0.5 * consistency;
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
