// Scenario: two shuffling loaders zipped per epoch; their epochs are set through a same-file `SetAll(int epoch, params EpochDataLoader[] loaders)` helper, and an evaluation pass walks a collection-expression list `[train, aux]`; correct, no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002ParamsHelperAndCollectionExpression;

public static class Program
{
    static void SetAll(int epoch, params EpochDataLoader[] loaders)
    {
        foreach (var l in loaders) l.SetEpoch(epoch);
    }

    public static void Main()
    {
        var a = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(512, 8), ["label"] = randint(0, 2, 512) });
        var b = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(512, 8), ["label"] = randint(0, 2, 512) });
        using var train = new EpochDataLoader(a, batchSize: 32, shuffle: true, seed: 1);
        using var aux = new EpochDataLoader(b, batchSize: 32, shuffle: true, seed: 2);
        List<EpochDataLoader> all = [train, aux];
        var model = nn.Linear(8, 2);
        var opt = optim.Adam(model.parameters());

        for (int epoch = 0; epoch < 10; epoch++)
        {
            SetAll(epoch, train, aux);
            foreach (var (x, y) in train.Zip(aux))
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(x["data"]), x["label"])
                               + 0.5 * nn.functional.cross_entropy(model.call(y["data"]), y["label"]);
                loss.backward();
                opt.step();
            }
            Console.WriteLine($"epoch {epoch}: {all.Sum(l => l.Count)} batches in total");
        }
    }
}
