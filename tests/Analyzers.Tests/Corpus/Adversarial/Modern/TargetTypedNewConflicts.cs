// Scenario: a run record with `required` init-only loaders built with target-typed `new(…)`: the P×K run passes batchSize: 32 next to a batchSampler, and the DDP run passes shuffle positionally (`new(set, 64, true, sampler)`) next to a sampler — both throw when built (CMP006 on each); the validation loader and the epoch handling are fine.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Modern.Runs;

public sealed record TrainingRun
{
    public required string Name { get; init; }
    public required EpochDataLoader Train { get; init; }
    public required EpochDataLoader Val { get; init; }
    public int EpochCount { get; init; } = 20;
}

public static class RunFactory
{
    public static TrainingRun Create(InMemoryDataset trainSet, InMemoryDataset valSet, long[] labels)
    {
        if (Dist.WorldSize > 1)
        {
            return new TrainingRun
            {
                Name = $"ddp-x{Dist.WorldSize}",
                Train = new(trainSet, 64, true, new DistributedSampler(trainSet.Count, seed: 4)), //! CMP006
                Val = new(valSet, batchSize: 256),
            };
        }

        return new TrainingRun
        {
            Name = "pk-8x4",
            Train = new(trainSet, batchSize: 32, batchSampler: new ClassBalancedBatchSampler(labels, 8, 4, seed: 4)), //! CMP006
            Val = new(valSet, batchSize: 256),
        };
    }

    public static void Fit(TrainingRun run, Module<Tensor, Tensor> model)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        for (var epoch = 0; epoch < run.EpochCount; epoch++)
        {
            run.Train.SetEpoch(epoch);
            model.train();
            foreach (var batch in run.Train)
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
                var (correct, seen) = (0L, 0L);
                foreach (var batch in run.Val)
                {
                    using var scope = NewDisposeScope();
                    correct += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                    seen += batch["label"].shape[0];
                }
                Console.WriteLine($"{run.Name} epoch {epoch}: accuracy {(double)correct / seen:P2}");
            }
        }
    }
}
