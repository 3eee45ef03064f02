// Scenario: a loop enumerates `loader.Select((b, i) => { if (i == 0) loader.SetEpoch(epoch); … })` as a foreach collection, so the epoch is set from inside the LINQ lambda, while the loader is being iterated; wrong (CMP005).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.ForeachSelectLambdaSetEpoch;

public sealed class StepTracker
{
    public long GlobalStep { get; private set; }
    public void Advance() => GlobalStep++;
}

public static class IndexedBatchTraining
{
    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset data, int epochs, int logEvery)
    {
        using var loader = new EpochDataLoader(data, batchSize: 64,
            sampler: new DistributedSampler(data.Count, numReplicas: 1, rank: 0, seed: 31));
        var optimizer = optim.Adam(model.parameters(), 1e-3);
        var tracker = new StepTracker();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            foreach (var (batch, index) in loader.Select((b, i) =>
            {
                if (i == 0) loader.SetEpoch(epoch); //! CMP005
                return (b, i);
            }))
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                tracker.Advance();
                if (index % logEvery == 0)
                    Console.WriteLine($"epoch {epoch} batch {index} step {tracker.GlobalStep}: {loss.item<float>():F4}");
            }
        }
    }
}
