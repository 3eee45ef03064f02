// Scenario: a Lightning-style data module (same file) builds a shuffling EpochDataLoader in its constructor; the trainer iterates dm.Train every epoch and never sets its epoch. Wrong: every epoch replays one order (CMP002 on the foreach).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.DataModulePropertyIteratedByTrainer;

public sealed class MnistDataModule : IDisposable
{
    public MnistDataModule(InMemoryDataset train, InMemoryDataset val, int batchSize, int seed)
    {
        Train = new EpochDataLoader(train, batchSize: batchSize, shuffle: true, dropLast: true, seed: seed);
        Val = new EpochDataLoader(val, batchSize: batchSize * 4);
    }

    public EpochDataLoader Train { get; }
    public EpochDataLoader Val { get; }

    public void Dispose()
    {
        Train.Dispose();
        Val.Dispose();
    }
}

public sealed class ClassifierTrainer
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public ClassifierTrainer(nn.Module<Tensor, Tensor> model, double lr)
    {
        _model = model;
        _optimizer = optim.Adam(model.parameters(), lr);
    }

    public void Fit(MnistDataModule dm, int maxEpochs)
    {
        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            _model.train();
            double total = 0;
            long steps = 0;
            foreach (var batch in dm.Train) //! CMP002
            {
                _optimizer.zero_grad();
                using var logits = _model.forward(batch["image"]);
                using var loss = nn.functional.cross_entropy(logits, batch["label"]);
                loss.backward();
                _optimizer.step();
                total += loss.item<float>();
                steps++;
            }
            Console.WriteLine($"epoch {epoch}: train loss {total / Math.Max(steps, 1):F4}, val acc {Validate(dm):P1}");
        }
    }

    private double Validate(MnistDataModule dm)
    {
        _model.eval();
        using var _ = no_grad();
        long correct = 0, seen = 0;
        foreach (var batch in dm.Val)
        {
            using var predicted = _model.forward(batch["image"]).argmax(1);
            correct += predicted.eq(batch["label"]).sum().item<long>();
            seen += batch["label"].shape[0];
        }
        return seen == 0 ? 0 : (double)correct / seen;
    }
}
