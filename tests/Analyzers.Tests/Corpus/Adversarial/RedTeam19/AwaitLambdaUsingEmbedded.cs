// Scenario: an async training program runs each epoch's helper off the UI thread: `await Task.Run(() => TrainEpoch(model, train))` below an `#if TRACE_EPOCHS` block, and an auxiliary loader trained in a braceless `using (Profile(...)) TrainEpoch(model, aux);` of a foreach over Enumerable.Range. Neither shuffling loader gets its epoch. The helper call in the lambda "counts where it is written" (a lambda passed as an argument), so CMP002 on `train`; the fix goes "before that call, not inside the lambda", below the #endif. The second CMP002 is on `aux`; its fix wraps the embedded using statement in braces and passes the foreach's variable.
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam19.AwaitLambdaUsingEmbedded;

public static class Program
{
    public static async Task Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1200, 10), ["y"] = randint(0, 3, new long[] { 1200 }) });
        var side = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(300, 10), ["y"] = randint(0, 3, new long[] { 300 }) });
        using var train = new EpochDataLoader(data, batchSize: 48, shuffle: true, seed: 21);
        using var aux = new EpochDataLoader(side, batchSize: 48, shuffle: true, seed: 22);
        var model = nn.Sequential(("fc1", nn.Linear(10, 30)), ("act", nn.ReLU()), ("fc2", nn.Linear(30, 3)));

        for (int epoch = 0; epoch < 6; epoch++)
        {
#if TRACE_EPOCHS
            Console.WriteLine($"epoch {epoch} starting");
#endif
            var loss = await Task.Run(() => TrainEpoch(model, train)); //! CMP002
            Console.WriteLine($"epoch {epoch}: {loss:F4}");
        }

        foreach (var round in Enumerable.Range(0, 3))
            using (Profile($"aux round {round}")) TrainEpoch(model, aux); //! CMP002
    }

    static IDisposable Profile(string name)
    {
        var sw = Stopwatch.StartNew();
        return new Finisher(() => Console.WriteLine($"{name}: {sw.ElapsedMilliseconds} ms"));
    }

    sealed class Finisher(Action done) : IDisposable
    {
        public void Dispose() => done();
    }

    static double TrainEpoch(nn.Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        using var noGrad = no_grad();
        double sum = 0;
        long n = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            sum += nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).item<float>();
            n++;
        }
        return sum / Math.Max(n, 1);
    }
}
