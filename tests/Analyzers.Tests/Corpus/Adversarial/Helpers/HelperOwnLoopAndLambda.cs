// Scenario: step-budgeted epochs: TrainForSteps iterates its loader inside its own while loop, and TimedEpoch iterates inside a lambda handed to Profile; neither shuffling loader ever gets its epoch set (a real bug). Documented limit, no marker: iterations "in a method in view only inside a loop, a lambda or a local function of that method" are not followed at the call, and inside the helpers the loader is an `EpochDataLoader` parameter, "whose creation is not in view and whose type says nothing".
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.HelperOwnLoopAndLambda;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(3000, 10), ["y"] = randint(0, 4, new long[] { 3000 }) });
        var extra = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(900, 10), ["y"] = randint(0, 4, new long[] { 900 }) });
        using var train = new EpochDataLoader(data, batchSize: 50, shuffle: true, seed: 31);
        using var aux = new EpochDataLoader(extra, batchSize: 50, sampler: new RandomSampler(extra.Count, seed: 31));

        var model = nn.Sequential(("fc1", nn.Linear(10, 40)), ("act", nn.ELU()), ("fc2", nn.Linear(40, 4)));
        var optimizer = optim.Adagrad(model.parameters(), lr: 0.05);

        for (int epoch = 0; epoch < 8; epoch++)
        {
            var loss = TrainForSteps(model, train, optimizer, stepsPerEpoch: 150);
            var auxLoss = TimedEpoch(model, aux, optimizer);
            Console.WriteLine($"epoch {epoch}: {loss:F4} / aux {auxLoss:F4}");
        }
    }

    static double TrainForSteps(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, optim.Optimizer optimizer, int stepsPerEpoch)
    {
        var step = 0;
        double sum = 0;
        while (step < stepsPerEpoch)
        {
            foreach (var batch in loader)
            {
                sum += Update(model, optimizer, batch);
                if (++step >= stepsPerEpoch) break;
            }
        }
        return sum / stepsPerEpoch;
    }

    static double TimedEpoch(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, optim.Optimizer optimizer) =>
        Profile("aux epoch", () =>
        {
            double sum = 0;
            var n = 0;
            foreach (var batch in loader)
            {
                sum += Update(model, optimizer, batch);
                n++;
            }
            return sum / Math.Max(n, 1);
        });

    static T Profile<T>(string name, Func<T> body)
    {
        var sw = Stopwatch.StartNew();
        var result = body();
        Console.WriteLine($"{name} took {sw.ElapsedMilliseconds} ms");
        return result;
    }

    static double Update(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}
