// Scenario: a multi-task loop sets every loader's epoch through a loop over an array of them, then keeps a redundant DistributedSampler line for the first loader: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace MultiTask;

public static class JointTraining
{
    public static void Fit(EpochDataLoader classification, EpochDataLoader regression, nn.Module<Tensor, Tensor> trunk,
        nn.Module<Tensor, Tensor> clsHead, nn.Module<Tensor, Tensor> regHead, int epochs)
    {
        var optimizer = optim.Adam(trunk.parameters().Concat(clsHead.parameters()).Concat(regHead.parameters()), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var loader in new[] { classification, regression })
                loader.SetEpoch(epoch);
            if (classification.Sampler is DistributedSampler shard) shard.SetEpoch(epoch);

            foreach (var (cls, reg) in classification.Zip(regression))
            {
                using var scope = NewDisposeScope();
                var clsLoss = nn.functional.cross_entropy(clsHead.forward(trunk.forward(cls["data"])), cls["label"]);
                var regLoss = nn.functional.mse_loss(regHead.forward(trunk.forward(reg["data"])), reg["target"]);
                var loss = clsLoss + 0.5 * regLoss;
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
