// Scenario: a base trainer owns the shuffle: true loader property Train (assigned in its constructor) and provides BeginEpoch(epoch), which sets it, and RunEpoch(), which iterates it; the derived trainer's loop calls BeginEpoch(epoch) then RunEpoch(). Correct, no finding: the helper call on the same object sets the property ("a call to a method ... in view that does one of these to a field or property").
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.BaseClassFieldBeginEpoch;

public abstract class EpochTrainer
{
    protected EpochDataLoader Train { get; }
    protected nn.Module<Tensor, Tensor> Model { get; }
    private readonly optim.Optimizer _optimizer;

    protected EpochTrainer(InMemoryDataset data, nn.Module<Tensor, Tensor> model)
    {
        Train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 2);
        Model = model;
        _optimizer = optim.Adam(model.parameters(), lr: 1e-3);
    }

    protected void BeginEpoch(int epoch)
    {
        Train.SetEpoch(epoch);
        Model.train();
    }

    protected double RunEpoch()
    {
        double sum = 0;
        var n = 0;
        foreach (var batch in Train)
        {
            using var scope = NewDisposeScope();
            _optimizer.zero_grad();
            var loss = ComputeLoss(batch);
            loss.backward();
            _optimizer.step();
            sum += loss.item<float>();
            n++;
        }
        return sum / Math.Max(n, 1);
    }

    protected abstract Tensor ComputeLoss(Dictionary<string, Tensor> batch);
}

public sealed class AutoencoderTrainer : EpochTrainer
{
    public AutoencoderTrainer(InMemoryDataset data)
        : base(data, nn.Sequential(("enc", nn.Linear(50, 8)), ("act", nn.Tanh()), ("dec", nn.Linear(8, 50))))
    {
    }

    protected override Tensor ComputeLoss(Dictionary<string, Tensor> batch) =>
        nn.functional.mse_loss(Model.forward(batch["x"]), batch["x"]);

    public void Fit(int epochs)
    {
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            BeginEpoch(epoch);
            var reconstruction = RunEpoch();
            Console.WriteLine($"epoch {epoch}: reconstruction {reconstruction:F5}");
        }
    }
}

public static class Program
{
    public static void Main() =>
        new AutoencoderTrainer(new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 50) })).Fit(30);
}
