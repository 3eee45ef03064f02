// Scenario: a deep ensemble where each member builds a TorchSharp DataLoader with shuffle: true and seed 1000 + member, then trains several epochs on it — the seed differs per member but every epoch of a member repeats one order (CMP003)
using Composer.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Lab.Uncertainty;

public static class DeepEnsemble
{
    public static void Main()
    {
        const int members = 5;
        const int epochs = 20;

        var (xTrain, yTrain) = MakeRegression(4000, noise: 0.3);
        using var trainSet = new Composer.Data.InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = xTrain, ["y"] = yTrain });

        var ensemble = new List<Module<Tensor, Tensor>>();
        for (int m = 0; m < members; m++)
        {
            Reproducibility.SeedAll(1000 + m);
            var net = Sequential(("l1", Linear(1, 100)), ("a1", ReLU()), ("l2", Linear(100, 100)), ("a2", ReLU()), ("head", Linear(100, 2)));
            var opt = optim.Adam(net.parameters(), lr: 1e-3);

            // different data order per member is part of what makes the members disagree
            var loader = new DataLoader(trainSet, 100, shuffle: true, seed: 1000 + m, disposeDataset: false); //! CMP003

            for (int epoch = 0; epoch < epochs; epoch++)
            {
                double nll = 0; int n = 0;
                foreach (var batch in loader)
                {
                    using var scope = NewDisposeScope();
                    var outp = net.forward(batch["x"]);
                    var mean = outp[.., 0];
                    var logVar = outp[.., 1];
                    // Gaussian negative log likelihood, as in Lakshminarayanan et al.
                    var loss = (0.5 * (logVar + (batch["y"] - mean).pow(2) / logVar.exp())).mean();
                    opt.zero_grad(); loss.backward(); opt.step();
                    nll += loss.item<float>(); n++;
                }
                if (epoch % 5 == 4) Console.WriteLine($"member {m} epoch {epoch}: nll {nll / n:F4}");
            }
            net.eval();
            ensemble.Add(net);
        }

        using (no_grad())
        {
            var grid = linspace(-6, 6, 25).unsqueeze(1);
            var means = stack(ensemble.Select(e => e.forward(grid)[.., 0]).ToArray());
            var mu = means.mean(new long[] { 0 });
            var spread = means.std(0);
            for (int i = 0; i < 25; i += 4)
                Console.WriteLine($"x={grid[i, 0].item<float>(),6:F2}  mu={mu[i].item<float>(),7:F3}  epistemic sd={spread[i].item<float>():F3}");
        }
    }

    static (Tensor x, Tensor y) MakeRegression(int n, double noise)
    {
        var x = rand(n, 1) * 8 - 4;
        var y = (x.pow(3) / 10).squeeze(1) + randn(n) * noise;
        return (x, y);
    }
}
