// Scenario: curriculum training runs an easy stage and then a hard stage, each as `while (!plateau)` over its own shuffling loader, and sets no epoch anywhere: wrong - CMP002 in each stage (in the easy stage twice: its inline `Take(10)` and the `Epoch` helper that iterates it, counted at its call since 2026-12-07) (Fix All must give the two new counters different names).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.CurriculumStagesUntilPlateau;

public static class Curriculum
{
    private static double Epoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, EpochDataLoader loader)
    {
        double total = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
        }
        return total / loader.Count;
    }

    public static void Main()
    {
        var easyData = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(800, 12), ["label"] = randint(0, 2, 800) });
        var hardData = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(800, 12), ["label"] = randint(0, 2, 800) });
        using var easy = new EpochDataLoader(easyData, batchSize: 40, shuffle: true, seed: 100);
        using var hard = new EpochDataLoader(hardData, batchSize: 40, shuffle: true, seed: 200);
        var model = nn.Sequential(nn.Linear(12, 48), nn.ReLU(), nn.Linear(48, 2));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        double best = double.MaxValue;
        bool plateau = false;
        while (!plateau)
        {
            double loss = 0;
            foreach (var batch in easy.Take(10)) //! CMP002
                loss += nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).item<float>();
            loss += Epoch(model, optimizer, easy); //! CMP002
            plateau = loss > best - 1e-3;
            best = Math.Min(best, loss);
        }

        best = double.MaxValue;
        plateau = false;
        while (!plateau)
        {
            double loss = 0;
            foreach (var batch in hard) //! CMP002
            {
                using var scope = NewDisposeScope();
                var output = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                output.backward();
                optimizer.step();
                loss += output.item<float>();
            }
            plateau = loss > best - 1e-3;
            best = Math.Min(best, loss);
        }
    }
}
