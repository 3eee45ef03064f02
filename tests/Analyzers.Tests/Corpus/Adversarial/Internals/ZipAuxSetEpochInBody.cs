// Scenario: supervised and unsupervised batches are paired with `train.Zip(aux)`; the train epoch is set before the loop, and the aux epoch inside the body on the first step, after Zip started iterating aux; wrong (CMP005).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.ZipAuxSetEpochInBody;

public static class ConsistencyTraining
{
    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset labeled, InMemoryDataset unlabeled, int epochs)
    {
        using var train = new EpochDataLoader(labeled, batchSize: 32, shuffle: true, seed: 3);
        using var aux = new EpochDataLoader(unlabeled, batchSize: 96, shuffle: true, seed: 4);
        var optimizer = optim.SGD(model.parameters(), 0.03, momentum: 0.9);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            bool first = true;
            foreach (var (sup, unsup) in train.Zip(aux))
            {
                if (first)
                {
                    aux.SetEpoch(epoch); //! CMP005
                    first = false;
                }
                optimizer.zero_grad();
                using var supervised = nn.functional.cross_entropy(model.forward(sup["x"]), sup["y"]);
                using var p1 = model.forward(unsup["x"]).softmax(-1);
                using var p2 = model.forward(unsup["x_aug"]).log_softmax(-1);
                using var consistency = nn.functional.kl_div(p2, p1.detach(), reduction: nn.Reduction.Mean);
                using var loss = supervised + consistency;
                loss.backward();
                optimizer.step();
            }
        }
    }

    public static double Accuracy(nn.Module<Tensor, Tensor> model, InMemoryDataset test)
    {
        model.eval();
        using var _ = no_grad();
        using var loader = new EpochDataLoader(test, batchSize: 256);
        long hits = 0, seen = 0;
        foreach (var batch in loader)
        {
            hits += model.forward(batch["x"]).argmax(-1).eq(batch["y"]).sum().item<long>();
            seen += batch["y"].shape[0];
        }
        return seen == 0 ? 0 : (double)hits / seen;
    }
}
