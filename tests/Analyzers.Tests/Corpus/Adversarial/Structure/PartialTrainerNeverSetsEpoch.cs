// Scenario: a partial trainer class split into two parts in this one file; the constructor part builds a shuffling EpochDataLoader, the loop part iterates it every epoch and never sets its epoch (wrong: every epoch replays one order).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.PartialTrainerNeverSetsEpoch;

// Construction and state.
public sealed partial class ClassifierTrainer
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _valid;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public ClassifierTrainer(InMemoryDataset train, InMemoryDataset valid, nn.Module<Tensor, Tensor> model, double lr = 1e-3)
    {
        _model = model;
        _optimizer = optim.Adam(model.parameters(), lr: lr);
        _train = new EpochDataLoader(train, batchSize: 128, shuffle: true, dropLast: true, seed: 17);
        _valid = new EpochDataLoader(valid, batchSize: 512);
    }
}

// The training loop.
public sealed partial class ClassifierTrainer
{
    public IReadOnlyList<double> Fit(int epochs)
    {
        var history = new List<double>();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _model.train();
            double total = 0;
            int steps = 0;
            foreach (var batch in _train) //! CMP002
            {
                _optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
                loss.backward();
                _optimizer.step();
                total += loss.item<float>();
                steps++;
            }
            history.Add(total / Math.Max(1, steps));
            Console.WriteLine($"epoch {epoch}: train loss {history[^1]:F4}, val acc {Evaluate():P1}");
        }
        return history;
    }

    private double Evaluate()
    {
        _model.eval();
        using var noGrad = torch.no_grad();
        long correct = 0, seen = 0;
        foreach (var batch in _valid)
        {
            var predicted = _model.forward(batch["x"]).argmax(1);
            correct += predicted.eq(batch["y"]).sum().item<long>();
            seen += batch["y"].shape[0];
        }
        return seen == 0 ? 0 : (double)correct / seen;
    }
}
