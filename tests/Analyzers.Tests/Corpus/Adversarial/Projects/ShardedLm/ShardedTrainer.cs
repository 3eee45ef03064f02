using Composer.Data;
using Composer.Distributed;
using static TorchSharp.torch;

namespace ShardedLm;

public sealed class ShardedTrainer(EpochDataLoader train, nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
    : TrainerBase(train)
{
    protected override void BeforeEpoch(int epoch)
    {
        model.train();
        if (Train.Sampler is DistributedSampler shard) shard.SetEpoch(epoch); //! CMP001 Train is set in TrainerBase.cs: not in view
    }

    protected override double Step(Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var tokens = batch["data"];
        var logits = model.call(tokens[.., ..^1]);
        var loss = nn.functional.cross_entropy(logits.flatten(0, 1), tokens[.., 1..].flatten());
        loss.backward();
        foreach (var p in model.parameters())
            if (p.grad is { } g) Dist.AllReduce(g);
        optimizer.step();
        return loss.item<float>();
    }
}
