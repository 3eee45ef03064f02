// Scenario: the epoch loop deconstructs `(epoch, lr)` pairs from a precomputed schedule and sets the epoch from the deconstructed variable; correct, no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp004ForeachTupleSchedule;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(1024, 8), ["label"] = randint(0, 4, 1024) });
        using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 10);
        var model = nn.Linear(8, 4);
        var opt = optim.SGD(model.parameters(), learningRate: 0.1);
        (int Epoch, double Lr)[] schedule = [.. Enumerable.Range(0, 10).Select(e => (e, 0.1 * Math.Pow(0.8, e)))];

        foreach (var (epoch, lr) in schedule)
        {
            foreach (var g in opt.ParamGroups) g.LearningRate = lr;
            train.SetEpoch(epoch);
            foreach (var batch in train)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
        }
    }
}
