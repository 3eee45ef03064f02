// Scenario: an unpaired image-translation loop zips two domain loaders it received; domain A goes through Epochs.SetEpoch but domain B only gets its Sampler's epoch: a bug on B only.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.CycleStyle;

public sealed class CycleTrainer(nn.Module<Tensor, Tensor> aToB, nn.Module<Tensor, Tensor> bToA)
{
    public void Fit(EpochDataLoader domainA, EpochDataLoader domainB, int epochs)
    {
        var optimizer = optim.Adam(aToB.parameters().Concat(bToA.parameters()), lr: 2e-4, beta1: 0.5);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(domainA, epoch);
            (domainB.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001

            foreach (var (a, b) in domainA.Zip(domainB))
            {
                using var scope = NewDisposeScope();
                var realA = a["image"];
                var realB = b["image"];
                var cycleA = bToA.forward(aToB.forward(realA));
                var cycleB = aToB.forward(bToA.forward(realB));
                var loss = nn.functional.l1_loss(cycleA, realA) + nn.functional.l1_loss(cycleB, realB);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
