// Scenario: TrainerBase (same file) provides protected TrainEpoch(loader) and Validate(loader) helpers; the derived ImageTrainer's Fit loop calls TrainEpoch(_train) on a shuffle: true field created in its constructor and never sets its epoch. The base method is in view and iterates its parameter, so CMP002 sits on the `_train` argument. Validate(_val) runs a non-shuffling loader and is not flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.BaseClassTrainEpoch;

public abstract class TrainerBase
{
    protected readonly nn.Module<Tensor, Tensor> Model;
    protected readonly optim.Optimizer Optimizer;

    protected TrainerBase(nn.Module<Tensor, Tensor> model, double lr)
    {
        Model = model;
        Optimizer = optim.SGD(model.parameters(), lr, momentum: 0.9, nesterov: true);
    }

    public abstract void Fit(int epochs);

    protected double TrainEpoch(EpochDataLoader loader)
    {
        Model.train();
        double sum = 0;
        var n = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            Optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(Model.forward(batch["pixels"]), batch["label"], label_smoothing: 0.1);
            loss.backward();
            Optimizer.step();
            sum += loss.item<float>();
            n++;
        }
        return sum / Math.Max(n, 1);
    }

    protected double Validate(EpochDataLoader loader)
    {
        Model.eval();
        using var _ = no_grad();
        long correct = 0, total = 0;
        foreach (var batch in loader)
        {
            correct += Model.forward(batch["pixels"]).argmax(1).eq(batch["label"]).sum().item<long>();
            total += batch["label"].shape[0];
        }
        return total == 0 ? 0 : (double)correct / total;
    }
}

public sealed class ImageTrainer : TrainerBase
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _val;

    public ImageTrainer(InMemoryDataset train, InMemoryDataset val)
        : base(nn.Sequential(("flat", nn.Flatten()), ("fc", nn.Linear(3 * 8 * 8, 10))), lr: 0.05)
    {
        _train = new EpochDataLoader(train, batchSize: 32, shuffle: true, dropLast: true, seed: 3);
        _val = new EpochDataLoader(val, batchSize: 128);
    }

    public override void Fit(int epochs)
    {
        var best = 0.0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var loss = TrainEpoch(_train); //! CMP002
            var acc = Validate(_val);
            best = Math.Max(best, acc);
            Console.WriteLine($"epoch {epoch}: loss {loss:F3} acc {acc:P1} (best {best:P1})");
        }
    }
}

public static class Program
{
    public static void Main()
    {
        var train = new InMemoryDataset(new Dictionary<string, Tensor> { ["pixels"] = rand(2000, 3, 8, 8), ["label"] = randint(0, 10, new long[] { 2000 }) });
        var val = new InMemoryDataset(new Dictionary<string, Tensor> { ["pixels"] = rand(400, 3, 8, 8), ["label"] = randint(0, 10, new long[] { 400 }) });
        new ImageTrainer(train, val).Fit(12);
    }
}
