// Scenario: Lightning-style module: Fit's epoch loop calls RunEpoch(), which iterates the field _train (created in the constructor with shuffle: true), and ValidationLoop() over the non-shuffling _val. Nothing sets _train's epoch, so CMP002 is reported on "the call itself when the method iterates a field (`RunEpoch()`)"; ValidationLoop is not flagged because _val's order does not depend on the epoch.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.LightningRunEpochField;

public sealed class LitClassifier
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _val;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public LitClassifier(InMemoryDataset trainSet, InMemoryDataset valSet)
    {
        _train = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: 7);
        _val = new EpochDataLoader(valSet, batchSize: 256);
        _model = nn.Sequential(("l1", nn.Linear(20, 64)), ("a1", nn.ReLU()), ("l2", nn.Linear(64, 3)));
        _optimizer = optim.AdamW(_model.parameters(), lr: 3e-4);
    }

    public void Fit(int maxEpochs)
    {
        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            var trainLoss = RunEpoch(); //! CMP002
            var valAcc = ValidationLoop();
            Console.WriteLine($"epoch={epoch} train_loss={trainLoss:F4} val_acc={valAcc:F3}");
        }
    }

    private double RunEpoch()
    {
        _model.train();
        double total = 0;
        long batches = 0;
        foreach (var batch in _train)
        {
            using var scope = NewDisposeScope();
            _optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
            loss.backward();
            _optimizer.step();
            total += loss.item<float>();
            batches++;
        }
        return total / Math.Max(batches, 1);
    }

    private double ValidationLoop()
    {
        _model.eval();
        using var noGrad = no_grad();
        long correct = 0, count = 0;
        foreach (var batch in _val)
        {
            using var scope = NewDisposeScope();
            correct += _model.forward(batch["x"]).argmax(1).eq(batch["y"]).sum().item<long>();
            count += batch["y"].shape[0];
        }
        return count == 0 ? 0 : (double)correct / count;
    }
}

public static class Program
{
    public static void Main()
    {
        InMemoryDataset Make(int n) => new(new Dictionary<string, Tensor>
        {
            ["x"] = randn(n, 20),
            ["y"] = randint(0, 3, new long[] { n }),
        });
        new LitClassifier(Make(3000), Make(600)).Fit(maxEpochs: 10);
    }
}
