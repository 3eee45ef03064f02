// Scenario: a base trainer's Fit loop calls the virtual RunEpoch(), whose base body iterates the shuffling field Train; the derived trainer overrides RunEpoch to set Train's epoch from a counter of its own and then calls base.RunEpoch(). At run time the epoch is set, but the page reads the call as written: "a call of a virtual method reads the method it names, not its overrides", and the named method (the base one, in view) iterates the field once per call and sets nothing, so the call in Fit is an unhandled iteration: CMP002 on "the call itself when the method iterates a field". base.RunEpoch() in the override is in no loop, so it is no epoch iteration.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam19.VirtualOverrideSetsEpoch;

public class BaseTrainer
{
    protected EpochDataLoader Train { get; }
    protected nn.Module<Tensor, Tensor> Model { get; }
    private readonly optim.Optimizer _optimizer;

    public BaseTrainer(InMemoryDataset data)
    {
        Train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 13);
        Model = nn.Sequential(("fc", nn.Linear(6, 3)));
        _optimizer = optim.SGD(Model.parameters(), 0.1);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var loss = RunEpoch(); //! CMP002
            Console.WriteLine($"epoch {epoch}: {loss:F4}");
        }
    }

    protected virtual double RunEpoch()
    {
        Model.train();
        double sum = 0;
        long n = 0;
        foreach (var batch in Train)
        {
            using var scope = NewDisposeScope();
            _optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(Model.forward(batch["x"]), batch["y"]);
            loss.backward();
            _optimizer.step();
            sum += loss.item<float>();
            n++;
        }
        return sum / Math.Max(n, 1);
    }
}

public sealed class ReshufflingTrainer(InMemoryDataset data) : BaseTrainer(data)
{
    private int _epochsSeen;

    protected override double RunEpoch()
    {
        Train.SetEpoch(_epochsSeen++);
        return base.RunEpoch();
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(640, 6), ["y"] = randint(0, 3, new long[] { 640 }) });
        new ReshufflingTrainer(data).Fit(epochs: 4);
    }
}
