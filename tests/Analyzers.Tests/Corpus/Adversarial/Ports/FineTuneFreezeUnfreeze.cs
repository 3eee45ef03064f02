// Scenario: transfer-learning fine-tuning in two phases described by a tuple array (frozen backbone, then everything unfrozen at a lower LR); the epoch count continues across phases and `offset + e` is set on the shuffling loader every epoch — correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.FineTuneFreezeUnfreeze;

public static class FineTune
{
    public static void Run(nn.Module<Tensor, Tensor> backbone, nn.Module<Tensor, Tensor> head, InMemoryDataset trainSet, InMemoryDataset valSet)
    {
        using var train = new EpochDataLoader(trainSet, batchSize: 32, shuffle: true, seed: 17, dropLast: true);
        using var val = new EpochDataLoader(valSet, batchSize: 64);

        var phases = new (string Name, int Epochs, double Lr, bool FreezeBackbone)[]
        {
            ("head-only", 5, 1e-3, true),
            ("full", 15, 1e-4, false),
        };

        int epochOffset = 0;
        foreach (var (name, epochs, lr, freeze) in phases)
        {
            SetRequiresGrad(backbone, !freeze);
            var parameters = freeze ? head.parameters() : backbone.parameters().Concat(head.parameters());
            var optimizer = optim.AdamW(parameters, lr);

            for (int e = 0; e < epochs; e++)
            {
                train.SetEpoch(epochOffset + e);
                backbone.train(!freeze);
                head.train();
                foreach (var batch in train)
                {
                    using var scope = NewDisposeScope();
                    var loss = nn.functional.cross_entropy(head.call(backbone.call(batch["image"])), batch["label"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }

                double accuracy = Validate(backbone, head, val);
                Console.WriteLine($"[{name}] epoch {epochOffset + e}: val acc {accuracy:P1}");
            }
            epochOffset += epochs;
        }
    }

    private static void SetRequiresGrad(nn.Module module, bool requiresGrad)
    {
        foreach (var p in module.parameters()) p.requires_grad = requiresGrad;
    }

    private static double Validate(nn.Module<Tensor, Tensor> backbone, nn.Module<Tensor, Tensor> head, EpochDataLoader val)
    {
        backbone.eval();
        head.eval();
        using var noGrad = no_grad();
        long correct = 0, total = 0;
        foreach (var batch in val)
        {
            correct += head.call(backbone.call(batch["image"])).argmax(1).eq(batch["label"]).sum().item<long>();
            total += batch["label"].shape[0];
        }
        return (double)correct / Math.Max(1, total);
    }
}
