// Scenario: helpers written by a C++ programmer: TrainEpoch takes the loader `in` and is called with named, reordered arguments (`optimizer:, loader: in train, model:`); WarmupPass takes the auxiliary loader by `ref` and only peeks at its first batch. Both loaders shuffle and neither epoch is set. Each call iterates its loader once per call ("L given as an argument", matched to the parameter whatever the order): CMP002 on `train` and on `aux`, the loader arguments of the calls. (Line 15 also passes batchSize: 35 with a batchSampler: CMP006, "batchSize a constant other than 1".)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam19.RefInNamedArgsHelpers;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(700, 6), ["y"] = randint(0, 2, new long[] { 700 }) });
        var auxData = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(140, 6), ["y"] = randint(0, 2, new long[] { 140 }) });
        var train = new EpochDataLoader(data, batchSize: 35, shuffle: true, seed: 4);
        var aux = new EpochDataLoader(auxData, batchSize: 35, batchSampler: new BatchSampler(new RandomSampler(auxData.Count, seed: 4), 35)); //! CMP006
        var model = nn.Sequential(("fc", nn.Linear(6, 2)));
        var opt = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < 8; epoch++)
        {
            WarmupPass(model, ref aux); //! CMP002
            var loss = TrainEpoch(optimizer: opt, loader: in train, model: model); //! CMP002
            Console.WriteLine($"{epoch}: {loss:F4}");
        }
        train.Dispose();
        aux.Dispose();
    }

    static double TrainEpoch(nn.Module<Tensor, Tensor> model, in EpochDataLoader loader, optim.Optimizer optimizer)
    {
        double sum = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
        }
        return sum;
    }

    static void WarmupPass(nn.Module<Tensor, Tensor> model, ref EpochDataLoader loader)
    {
        using var noGrad = no_grad();
        var first = loader.First();
        model.forward(first["x"]).Dispose();
    }
}
