// Scenario: Composer-style callbacks: each epoch the loop calls _callbacks.OnEpochStart(train, epoch) (a CallbackList in this file that forwards the loader to ICallback.OnEpochStart, an interface method) and then TrainEpoch(model, train, optimizer). No finding: handing the loader to "a method or constructor that is not in view" handles it, also "through the helpers it calls in turn (... or handing `train` to code not in view)"; here ReshuffleCallback really sets it.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.CallbacksNotInView;

public interface ICallback
{
    void OnEpochStart(EpochDataLoader loader, int epoch);
    void OnEpochEnd(int epoch, double loss);
}

public sealed class ReshuffleCallback : ICallback
{
    public void OnEpochStart(EpochDataLoader loader, int epoch) => loader.SetEpoch(epoch);
    public void OnEpochEnd(int epoch, double loss) { }
}

public sealed class ConsoleLogger : ICallback
{
    public void OnEpochStart(EpochDataLoader loader, int epoch) => Console.WriteLine($"epoch {epoch} starts");
    public void OnEpochEnd(int epoch, double loss) => Console.WriteLine($"epoch {epoch} ends, loss {loss:F4}");
}

public sealed class CallbackList(params ICallback[] items)
{
    public void OnEpochStart(EpochDataLoader loader, int epoch)
    {
        foreach (var callback in items) callback.OnEpochStart(loader, epoch);
    }

    public void OnEpochEnd(int epoch, double loss)
    {
        foreach (var callback in items) callback.OnEpochEnd(epoch, loss);
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(2500, 5), ["y"] = randint(0, 3, new long[] { 2500 }) });
        using var train = new EpochDataLoader(data, batchSize: 25, shuffle: true, seed: 8);
        var callbacks = new CallbackList(new ReshuffleCallback(), new ConsoleLogger());

        var model = nn.Sequential(("fc1", nn.Linear(5, 16)), ("act", nn.ReLU()), ("fc2", nn.Linear(16, 3)));
        var optimizer = optim.SGD(model.parameters(), 0.1);

        for (var epoch = 0; epoch < 15; epoch++)
        {
            callbacks.OnEpochStart(train, epoch);
            var loss = TrainEpoch(model, train, optimizer);
            callbacks.OnEpochEnd(epoch, loss);
        }
    }

    static double TrainEpoch(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, optim.Optimizer optimizer)
    {
        model.train();
        double sum = 0;
        var n = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
            n++;
        }
        return sum / Math.Max(n, 1);
    }
}
