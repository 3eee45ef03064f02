// Scenario: semi-supervised training until convergence: each pass of `while (!converged)` calls TrainSupervised(model, labeled) and TrainConsistency(model, unlabeled), two helpers in view that each iterate their loader once; both loaders shuffle and neither epoch is set. Two CMP002, one on each loader argument. The fixes need a new counter: the while loop becomes `for (var epoch = 0; !converged; epoch++)` once, shared by both inserted setters (Fix All).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam19.FixAllTwoHelpersUntilConverged;

public static class Program
{
    public static void Main()
    {
        var lab = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(400, 8), ["y"] = randint(0, 2, new long[] { 400 }) });
        var unl = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 8) });
        using var labeled = new EpochDataLoader(lab, batchSize: 32, shuffle: true, seed: 1);
        using var unlabeled = new EpochDataLoader(unl, batchSize: 128, sampler: new RandomSampler(unl.Count, seed: 2));
        var model = nn.Sequential(("fc1", nn.Linear(8, 16)), ("act", nn.ReLU()), ("fc2", nn.Linear(16, 2)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        bool converged = false;
        double previous = double.MaxValue;
        while (!converged)
        {
            var supervised = TrainSupervised(model, optimizer, labeled); //! CMP002
            var consistency = TrainConsistency(model, optimizer, unlabeled); //! CMP002
            var total = supervised + 0.5 * consistency;
            converged = Math.Abs(previous - total) < 1e-3;
            previous = total;
        }
    }

    static double TrainSupervised(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, EpochDataLoader loader)
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

    static double TrainConsistency(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, EpochDataLoader loader)
    {
        double sum = 0;
        using var e = loader.GetEnumerator();
        while (e.MoveNext())
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var x = e.Current["x"];
            var loss = nn.functional.mse_loss(model.forward(x + 0.1 * randn_like(x)).softmax(1), model.forward(x).softmax(1).detach());
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
        }
        return sum;
    }
}
