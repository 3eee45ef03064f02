// Scenario: bootstrap ensemble where each member's loader draws with replacement from a RandomSampler but still passes shuffle: true — the runtime rejects sampler + shuffle (CMP006); the epoch itself is set correctly
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Lab.Bootstrap;

public static class BootstrapEnsemble
{
    public static void Main()
    {
        const int members = 6, epochs = 12;
        using var trainSet = new FashionMnist(train: true);
        using var testSet = new FashionMnist(train: false);
        var test = new EpochDataLoader(testSet, batchSize: 1000);

        var models = new List<Module<Tensor, Tensor>>();
        for (int m = 0; m < members; m++)
        {
            Reproducibility.SeedAll(m);
            // each epoch is a fresh bootstrap resample of the training set
            var bag = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, sampler: new RandomSampler(trainSet.Count, seed: 500 + m, replacement: true)); //! CMP006

            var net = Sequential(("flat", Flatten()), ("fc1", Linear(784, 256)), ("relu", ReLU()), ("fc2", Linear(256, 10)));
            var opt = optim.Adam(net.parameters(), lr: 1e-3);
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                bag.SetEpoch(epoch);
                net.train();
                foreach (var batch in bag)
                {
                    using var scope = NewDisposeScope();
                    var loss = functional.cross_entropy(net.forward(batch["data"]), batch["label"]);
                    opt.zero_grad();
                    loss.backward();
                    opt.step();
                }
            }
            net.eval();
            models.Add(net);
        }

        // disagreement between members as an uncertainty signal
        long agree = 0, correct = 0;
        using (no_grad())
        {
            foreach (var batch in test)
            {
                using var scope = NewDisposeScope();
                var preds = stack(models.Select(n => n.forward(batch["data"]).argmax(1)).ToArray());
                var vote = preds.mode(0).values;
                correct += vote.eq(batch["label"]).sum().item<long>();
                agree += preds.eq(vote.unsqueeze(0)).all(0).sum().item<long>();
            }
        }
        Console.WriteLine($"majority vote acc {correct / (double)testSet.Count:P2}; unanimous on {agree / (double)testSet.Count:P1}");
    }
}
