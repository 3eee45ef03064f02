// Scenario: an abstract base trainer owns a shuffling loader and runs the epoch loop, calling a virtual OnEpochStart hook whose base body is empty; the derived trainer overrides it only to log, so nobody sets the epoch (wrong).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.AbstractBaseEmptyHookNeverSets;

public abstract class TrainerBase
{
    protected EpochDataLoader Train { get; }

    protected TrainerBase(InMemoryDataset data, int batchSize, int seed)
    {
        Train = new EpochDataLoader(data, batchSize: batchSize, shuffle: true, seed: seed);
    }

    protected virtual void OnEpochStart(int epoch) { }

    protected virtual void OnEpochEnd(int epoch, double meanLoss) { }

    protected abstract double TrainStep(Dictionary<string, Tensor> batch);

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            OnEpochStart(epoch);
            double total = 0;
            long steps = 0;
            foreach (var batch in Train) //! CMP002
            {
                total += TrainStep(batch);
                steps++;
            }
            OnEpochEnd(epoch, total / Math.Max(1, steps));
        }
    }
}

public sealed class RegressionTrainer : TrainerBase
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly TextWriter _log;

    public RegressionTrainer(InMemoryDataset data, nn.Module<Tensor, Tensor> model, TextWriter log)
        : base(data, batchSize: 32, seed: 2024)
    {
        _model = model;
        _optimizer = optim.AdamW(model.parameters(), lr: 3e-4);
        _log = log;
    }

    protected override void OnEpochStart(int epoch)
    {
        _model.train();
        _log.WriteLine($"[{DateTime.Now:HH:mm:ss}] epoch {epoch} started");
    }

    protected override void OnEpochEnd(int epoch, double meanLoss) =>
        _log.WriteLine($"epoch {epoch}: mse {meanLoss:F5}");

    protected override double TrainStep(Dictionary<string, Tensor> batch)
    {
        _optimizer.zero_grad();
        using var loss = nn.functional.mse_loss(_model.forward(batch["x"]), batch["y"]);
        loss.backward();
        _optimizer.step();
        return loss.item<float>();
    }
}
