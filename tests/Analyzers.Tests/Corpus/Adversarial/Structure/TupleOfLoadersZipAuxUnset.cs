// Scenario: a semi-supervised trainer builds its labelled and unlabelled shuffling loaders as a tuple, deconstructs it, and zips the two each epoch, but sets the epoch only on the labelled one (wrong for the unlabelled loader).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.TupleOfLoadersZipAuxUnset;

public sealed class FixMatchTrainer(nn.Module<Tensor, Tensor> model, double threshold = 0.95)
{
    private readonly optim.Optimizer _optimizer = optim.SGD(model.parameters(), 0.03, momentum: 0.9, nesterov: true);

    public void Fit(InMemoryDataset labeled, InMemoryDataset unlabeled, int epochs, int seed)
    {
        var (sup, unsup) = (
            new EpochDataLoader(labeled, batchSize: 32, shuffle: true, dropLast: true, seed: seed),
            new EpochDataLoader(unlabeled, batchSize: 224, shuffle: true, dropLast: true, seed: seed + 1));
        try
        {
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                sup.SetEpoch(epoch);
                double total = 0;
                foreach (var (x, u) in sup.Zip(unsup)) //! CMP002
                {
                    _optimizer.zero_grad();
                    using var supervised = nn.functional.cross_entropy(model.forward(x["x"]), x["y"]);
                    using var pseudo = PseudoLabelLoss(u["x"]);
                    using var loss = supervised + pseudo;
                    loss.backward();
                    _optimizer.step();
                    total += loss.item<float>();
                }
                Console.WriteLine($"epoch {epoch}: {total:F3}");
            }
        }
        finally
        {
            sup.Dispose();
            unsup.Dispose();
        }
    }

    private Tensor PseudoLabelLoss(Tensor weak)
    {
        Tensor probs;
        using (torch.no_grad())
            probs = nn.functional.softmax(model.forward(weak), 1);
        var (confidence, targets) = probs.max(1);
        var mask = confidence.ge(threshold).to_type(ScalarType.Float32);
        var perSample = nn.functional.cross_entropy(model.forward(weak), targets, reduction: nn.Reduction.None);
        return (perSample * mask).mean();
    }
}
