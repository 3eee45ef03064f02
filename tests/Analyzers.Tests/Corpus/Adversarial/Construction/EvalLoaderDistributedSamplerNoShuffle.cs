// Scenario: After each training epoch a DDP loop evaluates with an EpochDataLoader over DistributedSampler(..., shuffle: false), never setting its epoch; an evaluation loader's order does not depend on the epoch, and the train loader's epoch is set (negative).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace DdpEval;

public static class ShardedEvaluation
{
    public static void Run(InMemoryDataset trainSet, InMemoryDataset evalSet, nn.Module<Tensor, Tensor> model, int epochs)
    {
        using var train = new EpochDataLoader(trainSet, 32, sampler: new DistributedSampler(trainSet.Count, seed: 13));
        using var eval = new EpochDataLoader(evalSet, 256, sampler: new DistributedSampler(evalSet.Count, shuffle: false));
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var optimizer = optim.Adam(model.parameters(), lr: 5e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(train, epoch);
            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
                reducer.AverageGradients();
                optimizer.step();
            }

            model.eval();
            using var stats = zeros(2, dtype: ScalarType.Float64);
            using (no_grad())
            {
                foreach (var batch in eval)
                {
                    using var scope = NewDisposeScope();
                    var logits = model.forward(batch["data"]);
                    var correct = logits.argmax(1).eq(batch["label"]).sum().to_type(ScalarType.Float64);
                    stats.add_(stack([correct, tensor((double)batch["label"].shape[0])]));
                }
            }
            Dist.AllReduce(stats);
            var totals = stats.data<double>().ToArray();
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: accuracy {totals[0] / totals[1]:P2}");
        }
    }
}
