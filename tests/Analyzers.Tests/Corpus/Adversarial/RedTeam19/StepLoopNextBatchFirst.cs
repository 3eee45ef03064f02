// Scenario: a step-based trainer (no epochs in its vocabulary) takes one batch per step with a NextBatch(loader) helper whose body is `loader.First()`; the shuffle: true loader is never told anything, so every step trains on the same first batch. The helper "iterates L once per call" ("any other System.Linq.Enumerable call made directly on L: L.First()"), so the call is an iteration of `train`, the step loop is the innermost loop around it and train's order is epoch-dependent: CMP002 on "the loader argument of its call". The probe loader does not shuffle and is not flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam19.StepLoopNextBatchFirst;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4096, 16), ["y"] = randint(0, 4, new long[] { 4096 }) });
        var held = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(256, 16), ["y"] = randint(0, 4, new long[] { 256 }) });
        using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 11);
        using var probe = new EpochDataLoader(held, batchSize: 256);
        var model = nn.Sequential(("fc1", nn.Linear(16, 64)), ("act", nn.GELU()), ("fc2", nn.Linear(64, 4)));
        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3);

        const int maxSteps = 2000;
        for (int step = 0; step < maxSteps; step++)
        {
            var batch = NextBatch(train); //! CMP002
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
            loss.backward();
            optimizer.step();
            if (step % 500 == 0)
                Console.WriteLine($"step {step}: loss {loss.item<float>():F4}, probe {ProbeLoss(model, probe):F4}");
        }
    }

    static Dictionary<string, Tensor> NextBatch(EpochDataLoader loader) => loader.First();

    static double ProbeLoss(nn.Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        using var noGrad = no_grad();
        var batch = loader.First();
        return nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).item<float>();
    }
}
