// Scenario: a fine-tuning script numbers and caps its steps with `foreach (var (step, batch) in Enumerable.Range(0, maxSteps).Zip(train))` and sets the epoch on the first step, `if (step == 0) train.SetEpoch(epoch);` — inside the batch loop, after the loader's enumeration has begun, so the order lags one epoch. CMP005 flags a setter "in the body of a `foreach` over … a LINQ call that draws from `L` as a sequence argument (`foreach (var (a, b) in train.Zip(L))`)": here `train` is the sequence argument of `Zip` and the setter is in the body. CMP005 at the setter.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam22.RangeZipStepCapSetsEpochInside;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(9000, 48), ["y"] = randint(0, 5, new long[] { 9000 }) });
        using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 17);
        var model = nn.Sequential(("fc1", nn.Linear(48, 64)), ("act", nn.Tanh()), ("fc2", nn.Linear(64, 5)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-4);
        const int maxSteps = 150;

        for (int epoch = 0; epoch < 6; epoch++)
        {
            foreach (var (step, batch) in Enumerable.Range(0, maxSteps).Zip(train))
            {
                if (step == 0) train.SetEpoch(epoch); //! CMP005
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                if (step % 50 == 0) Console.WriteLine($"epoch {epoch} step {step}: {loss.item<float>():F4}");
            }
        }
    }
}
