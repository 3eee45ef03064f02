// Scenario: every 50 steps, inside train's batch loop, the loop calls QuickEval(model, probe), a helper that scores the first batch of a shuffling probe loader (`loader.First()`, to see a random batch each time). train's epoch is set each pass; probe's never is, so QuickEval sees the same batch every time. The helper call is an iteration of probe, and "a loader iterated inside another loader's batch loop belongs to the epoch loop around both": the for loop is its epoch loop and nothing there handles probe. CMP002 on the loader argument `probe`. No CMP005: nothing is set inside the batch loop.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam19.ProbeEvalInsideBatchLoop;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(5000, 12), ["y"] = randint(0, 3, new long[] { 5000 }) });
        var held = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1000, 12), ["y"] = randint(0, 3, new long[] { 1000 }) });
        using var train = new EpochDataLoader(data, batchSize: 50, shuffle: true, seed: 10);
        using var probe = new EpochDataLoader(held, batchSize: 100, shuffle: true, seed: 10);
        var model = nn.Sequential(("fc1", nn.Linear(12, 24)), ("act", nn.ReLU()), ("fc2", nn.Linear(24, 3)));
        var optimizer = optim.SGD(model.parameters(), 0.1);

        long step = 0;
        for (int epoch = 0; epoch < 5; epoch++)
        {
            train.SetEpoch(epoch);
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                if (++step % 50 == 0)
                    Console.WriteLine($"step {step}: probe acc {QuickEval(model, probe):P1}"); //! CMP002
            }
        }
    }

    static double QuickEval(nn.Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        using var noGrad = no_grad();
        var batch = loader.First();
        return model.forward(batch["x"]).argmax(1).eq(batch["y"]).to_type(ScalarType.Float32).mean().item<float>();
    }
}
