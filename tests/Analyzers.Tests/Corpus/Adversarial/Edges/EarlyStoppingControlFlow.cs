// Scenario: a while(true) loop advances the epoch at the top, sets it on the loader, and leaves by break (budget, early stopping), continue (improved) or goto (divergence); right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.EarlyStoppingControlFlow;

public sealed class EarlyStoppingTrainer
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public EarlyStoppingTrainer(nn.Module<Tensor, Tensor> model)
    {
        _model = model;
        _optimizer = optim.Adam(model.parameters(), lr: 1e-3);
    }

    public double Fit(InMemoryDataset trainData, InMemoryDataset valData, int maxEpochs, int patience)
    {
        using var train = new EpochDataLoader(trainData, batchSize: 64, shuffle: true, seed: 2718);
        using var val = new EpochDataLoader(valData, batchSize: 512);

        double best = double.MaxValue;
        int badEpochs = 0;
        int epoch = -1;
        while (true)
        {
            epoch++;
            if (epoch >= maxEpochs) break;

            train.SetEpoch(epoch);
            foreach (var batch in train)
            {
                _optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
                if (double.IsNaN(loss.item<float>())) goto diverged;
                loss.backward();
                _optimizer.step();
            }

            double current = Evaluate(val);
            Console.WriteLine($"epoch {epoch}: val {current:F4}");
            if (current < best - 1e-4)
            {
                best = current;
                badEpochs = 0;
                _model.save("best.bin");
                continue;
            }
            if (++badEpochs >= patience)
            {
                Console.WriteLine($"no improvement for {patience} epochs, stopping at {epoch}");
                break;
            }
        }
        return best;

    diverged:
        Console.Error.WriteLine($"loss diverged in epoch {epoch}; keeping best.bin");
        return best;
    }

    private double Evaluate(EpochDataLoader val)
    {
        using var _ = no_grad();
        double sum = 0;
        long n = 0;
        foreach (var batch in val)
        {
            using var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
            sum += loss.item<float>();
            n++;
        }
        return sum / Math.Max(n, 1);
    }
}
