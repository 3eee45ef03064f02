// Scenario: data recipes expose a `static abstract` factory on a generic interface (target-typed `new(…, shuffle: true, seed: seed)` and a DistributedSampler variant); the generic trainer builds the loader through `TRecipe.CreateTrain` and calls `Epochs.SetEpoch` every epoch — correct, nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Modern.Recipes;

public interface IDataRecipe<TSelf> where TSelf : IDataRecipe<TSelf>
{
    static abstract string Name { get; }
    static abstract EpochDataLoader CreateTrain(InMemoryDataset data, int seed);
    static virtual EpochDataLoader CreateEval(InMemoryDataset data) => new(data, batchSize: 512);
}

public sealed class SingleGpuRecipe : IDataRecipe<SingleGpuRecipe>
{
    public static string Name => "single";
    public static EpochDataLoader CreateTrain(InMemoryDataset data, int seed) =>
        new(data, batchSize: 64, shuffle: true, seed: seed);
}

public sealed class ShardedRecipe : IDataRecipe<ShardedRecipe>
{
    public static string Name => "sharded";
    public static EpochDataLoader CreateTrain(InMemoryDataset data, int seed) =>
        new(data, batchSize: 32, sampler: new DistributedSampler(data.Count, seed: seed), dropLast: true);
}

public static class RecipeTrainer
{
    public static void Fit<TRecipe>(InMemoryDataset trainSet, InMemoryDataset evalSet, Module<Tensor, Tensor> model, int epochs)
        where TRecipe : IDataRecipe<TRecipe>
    {
        using var train = TRecipe.CreateTrain(trainSet, seed: 42);
        using var eval = TRecipe.CreateEval(evalSet);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (var epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(train, epoch);

            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }

            model.eval();
            using (no_grad())
            {
                var losses = eval.Select(b => functional.cross_entropy(model.call(b["data"]), b["label"]).item<float>()).ToList();
                Console.WriteLine($"[{TRecipe.Name}] epoch {epoch}: eval loss {losses.Average():F4}");
            }
        }
    }
}
