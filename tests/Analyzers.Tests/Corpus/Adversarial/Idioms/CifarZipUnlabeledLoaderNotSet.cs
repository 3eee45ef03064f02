// Scenario: a CIFAR-style semi-supervised loop zips the labeled loader with a RandomSampler loader of unlabeled images and sets only the labeled loader's epoch; wrong: the unlabeled loader replays its order every epoch.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.SemiSupervised;

public static class Program
{
    public static void Main()
    {
        const int epochs = 30;
        var labeled = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = rand(4_000, 3, 32, 32),
            ["label"] = randint(0, 10, new long[] { 4_000 }, dtype: ScalarType.Int64),
        });
        var unlabeled = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = rand(40_000, 3, 32, 32) });

        using var train = new EpochDataLoader(labeled, batchSize: 64, shuffle: true, seed: 0, dropLast: true);
        using var aux = new EpochDataLoader(unlabeled, batchSize: 448, sampler: new RandomSampler(unlabeled.Count, seed: 1), dropLast: true);

        var model = Sequential(("flat", Flatten()), ("fc1", Linear(3 * 32 * 32, 256)), ("act", ReLU()), ("fc2", Linear(256, 10)));
        var optimizer = optim.SGD(model.parameters(), 0.03, momentum: 0.9, nesterov: true);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            model.train();
            double supervised = 0, consistency = 0;
            foreach (var (x, u) in train.Zip(aux)) //! CMP002
            {
                using var d = NewDisposeScope();
                optimizer.zero_grad();
                var ls = functional.cross_entropy(model.call(x["data"]), x["label"]);
                var pWeak = functional.softmax(model.call(u["data"]), 1).detach();
                var noisy = u["data"] + 0.1 * randn_like(u["data"]);
                var lu = functional.kl_div(functional.log_softmax(model.call(noisy), 1), pWeak, reduction: Reduction.Mean);
                (ls + lu).backward();
                optimizer.step();
                supervised += ls.ToDouble();
                consistency += lu.ToDouble();
            }
            Console.WriteLine($"epoch {epoch}: Ls {supervised / train.Count:F4}, Lu {consistency / train.Count:F4}");
        }
    }
}
