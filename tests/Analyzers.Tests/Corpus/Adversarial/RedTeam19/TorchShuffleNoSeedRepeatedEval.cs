// Scenario: Monte Carlo dropout evaluation: each of ten passes pins the calibration loader (a parameter) to epoch 0 on purpose, so every pass sees its batches in one order, and also scores a TorchSharp probe loader built with shuffle: true and no seed (a fresh order each time). Both are iterated only through the helper Score(model, loader). A helper call makes a loop an epoch loop "only when that loader's order is epoch-dependent"; `calib` is a parameter ("whose type says nothing") and "TorchSharp's DataLoader(shuffle: true)" is listed under "Not epoch-dependent". So the passes loop is no epoch loop and `calib.SetEpoch(0)` is not in one: no CMP004. No CMP003 (no seed). No diagnostic.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam19.TorchShuffleNoSeedRepeatedEval;

public static class McDropout
{
    public static double Evaluate(nn.Module<Tensor, Tensor> model, EpochDataLoader calib, torch.utils.data.Dataset probeSet, int passes)
    {
        using var probe = new DataLoader(probeSet, 64, shuffle: true);
        model.train(); // dropout stays on
        double total = 0;
        for (int pass = 0; pass < passes; pass++)
        {
            calib.SetEpoch(0);
            total += Score(model, calib) + Score(model, probe);
        }
        return total / passes;
    }

    static double Score(nn.Module<Tensor, Tensor> model, IDataLoader<Dictionary<string, Tensor>> loader)
    {
        using var noGrad = no_grad();
        double sum = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            sum += nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).item<float>();
        }
        return sum;
    }

    static double Score(nn.Module<Tensor, Tensor> model, DataLoader loader)
    {
        using var noGrad = no_grad();
        double sum = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            sum += nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).item<float>();
        }
        return sum;
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(300, 5), ["y"] = randint(0, 3, new long[] { 300 }) });
        using var calib = new EpochDataLoader(data, batchSize: 50);
        var model = nn.Sequential(("fc", nn.Linear(5, 8)), ("drop", nn.Dropout(0.3)), ("out", nn.Linear(8, 3)));
        Console.WriteLine(McDropout.Evaluate(model, calib, data, passes: 10));
    }
}
