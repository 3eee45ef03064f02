// Scenario: fine-tuning with a frozen-backbone phase and an unfrozen phase in two loops over one RandomSampler; the second loop meant to continue the epoch count but passes `unfreezeAt`, the same number on every pass — wrong (CMP004).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.FineTuneUnfreezeConstantEpoch;

public sealed class FineTuner(nn.Module<Tensor, Tensor> backbone, nn.Module<Tensor, Tensor> head)
{
    public void Run(InMemoryDataset trainSet, int unfreezeAt, int totalEpochs, int batchSize = 32)
    {
        var sampler = new RandomSampler(trainSet.Count, seed: 3);
        using var train = new EpochDataLoader(trainSet, batchSize, sampler: sampler);

        // Phase 1: train the head on frozen features.
        foreach (var p in backbone.parameters()) p.requires_grad = false;
        var headOptimizer = optim.Adam(head.parameters(), 1e-3);
        for (int epoch = 0; epoch < unfreezeAt; epoch++)
        {
            sampler.SetEpoch(epoch);
            foreach (var batch in train)
                Step(headOptimizer, batch);
        }

        // Phase 2: unfreeze everything and continue with a smaller learning rate.
        foreach (var p in backbone.parameters()) p.requires_grad = true;
        var fullOptimizer = optim.Adam(backbone.parameters().Concat(head.parameters()), 1e-5);
        for (int epoch = 0; epoch < totalEpochs - unfreezeAt; epoch++)
        {
            sampler.SetEpoch(unfreezeAt); //! CMP004
            foreach (var batch in train)
                Step(fullOptimizer, batch);
            Console.WriteLine($"epoch {unfreezeAt + epoch} done");
        }
    }

    private void Step(optim.Optimizer optimizer, Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        var logits = head.call(backbone.call(batch["image"]));
        var loss = nn.functional.cross_entropy(logits, batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
}
