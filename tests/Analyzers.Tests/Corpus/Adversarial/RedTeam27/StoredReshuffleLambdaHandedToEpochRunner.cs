// Scenario: a training loop hands a stored lambda `Action<int> reshuffle = e => Epochs.SetEpoch(train, e);` to a runner interface (`runner.BeginEpoch(epoch, reshuffle)`, implemented elsewhere) that calls it with the epoch it is given, then iterates the loader. Right: whoever calls the lambda gives it the epoch. Rules overview: a setter "called by a lambda handed on as an argument ... with an epoch read from the lambda's own parameter (`e`, ...): whoever calls it gives the epoch", and "CMP004 and CMP005 do not judge delegates"; the CMP004 page flags an argument only when it "has the same value on every pass", and `e` here is whatever the runner passes. (The same code with a local function `void Reshuffle(int e)` handed on is not flagged.) No diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam27.StoredLambdaHandedOn;

public interface IEpochRunner
{
    void BeginEpoch(int epoch, Action<int> prepare);
    void EndEpoch(int epoch, double loss);
}

public sealed class ConsoleRunner : IEpochRunner
{
    public void BeginEpoch(int epoch, Action<int> prepare)
    {
        Console.WriteLine($"-- epoch {epoch} --");
        prepare(epoch);
    }

    public void EndEpoch(int epoch, double loss) => Console.WriteLine($"epoch {epoch}: {loss:F4}");
}

public static class Loop
{
    public static void Train(EpochDataLoader train, nn.Module<Tensor, Tensor> model, IEpochRunner runner, int epochs)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        Action<int> reshuffle = e => Epochs.SetEpoch(train, e);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            runner.BeginEpoch(epoch, reshuffle);
            double sum = 0;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            runner.EndEpoch(epoch, sum / Math.Max(1, train.Count));
        }
    }

    public static void Demo()
    {
        using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(640, 12), ["label"] = randint(0, 3, new long[] { 640 }) });
        using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 8);
        Train(train, nn.Linear(12, 3), new ConsoleRunner(), 6);
    }
}
