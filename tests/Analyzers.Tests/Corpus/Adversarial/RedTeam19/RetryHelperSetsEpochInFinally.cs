// Scenario: a fault-tolerant epoch helper: TrainWithRetry(model, loader, epoch, attempts) iterates the loader in a try block, retries by calling itself from the catch block, and sets the next epoch in its finally block (`loader.SetEpoch(epoch + 1)`); Main sets epoch 0 once before the loop. On every pass the helper both iterates and sets the shuffling loader, and a pass is handled "before or after the iteration, in any branch", through "a call to a method ... in view that does one of these to ... the parameter that receives L". The recursive call adds nothing ("a call back into a method already being followed (recursion) adds nothing"). The setter inside the helper is in no epoch loop, so no CMP004. No diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam19.RetryHelperSetsEpochInFinally;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(900, 6), ["y"] = randint(0, 3, new long[] { 900 }) });
        using var train = new EpochDataLoader(data, batchSize: 45, shuffle: true, seed: 15);
        var model = nn.Sequential(("fc", nn.Linear(6, 3)));
        var optimizer = optim.SGD(model.parameters(), 0.05);

        train.SetEpoch(0);
        for (int epoch = 0; epoch < 10; epoch++)
        {
            var loss = TrainWithRetry(model, optimizer, train, epoch, attempts: 3);
            Console.WriteLine($"epoch {epoch}: {loss:F4}");
        }
    }

    static double TrainWithRetry(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, EpochDataLoader loader, int epoch, int attempts)
    {
        double sum = 0;
        bool retried = false;
        try
        {
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            return sum;
        }
        catch (IOException) when (attempts > 1)
        {
            retried = true;
            return TrainWithRetry(model, optimizer, loader, epoch, attempts - 1);
        }
        finally
        {
            if (!retried) loader.SetEpoch(epoch + 1);
        }
    }
}
