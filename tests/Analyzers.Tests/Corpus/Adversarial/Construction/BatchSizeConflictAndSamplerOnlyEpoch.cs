// Scenario: A port of Composer's loop builds EpochDataLoader with batchSize: 32 next to a distributed BatchSampler (bug: CMP006) and then sets the epoch only on loader.Sampler, a sequential sampler that ignores it, while the batch sampler never hears of the epoch (bug: CMP001).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace ComposerPort;

public static class SamplerOnlyLoop
{
    public static void Train(InMemoryDataset trainSet, InMemoryDataset evalSet, nn.Module<Tensor, Tensor> model, int epochs)
    {
        using var train = new EpochDataLoader(trainSet, batchSize: 32, batchSampler: new BatchSampler(new DistributedSampler(trainSet.Count, seed: 1), 32)); //! CMP006
        using var eval = new EpochDataLoader(evalSet, batchSize: 256, sampler: new DistributedSampler(evalSet.Count, shuffle: false));
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            // Composer: if isinstance(dataloader.sampler, DistributedSampler): dataloader.sampler.set_epoch(epoch)
            if (train.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); //! CMP001

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
            using var correct = zeros(1, dtype: ScalarType.Int64);
            using (no_grad())
            {
                foreach (var batch in eval)
                {
                    using var scope = NewDisposeScope();
                    correct.add_(model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum());
                }
            }
            Dist.AllReduce(correct);
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: {correct.item<long>()} correct");
        }
    }
}
