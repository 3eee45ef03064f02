// Scenario: evaluation every k epochs; the train loader shards with a shuffling DistributedSampler and is iterated by a TrainOneEpoch helper in the same file, but nothing sets its epoch — wrong (CMP002 at the call)
using Composer.Data;
using Composer.Distributed;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Lab.Experiments;

public static class MlpBaseline
{
    public static void Main(string[] args)
    {
        int epochs = args.Length > 0 ? int.Parse(args[0]) : 40;
        int evalEvery = 5;
        Reproducibility.SeedAll(17);

        using var train = new FashionMnist(train: true);
        using var test = new FashionMnist(train: false);

        // DistributedSampler so the same script runs under mpirun for the bigger sweeps
        var trainLoader = new EpochDataLoader(train, batchSize: 256, sampler: new DistributedSampler(train.Count, seed: 17));
        var testLoader = new EpochDataLoader(test, batchSize: 1000,
            sampler: new DistributedSampler(test.Count, shuffle: false));

        var model = Sequential(
            ("flatten", Flatten()),
            ("fc1", Linear(784, 512)), ("bn1", BatchNorm1d(512)), ("relu1", ReLU()),
            ("fc2", Linear(512, 10)));
        var opt = optim.AdamW(model.parameters(), lr: 2e-3, weight_decay: 0.05);

        var history = new List<(int Epoch, double Loss, double Acc)>();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double loss = TrainOneEpoch(model, opt, trainLoader); //! CMP002
            if ((epoch + 1) % evalEvery == 0 || epoch == epochs - 1)
            {
                double acc = Evaluate(model, testLoader);
                history.Add((epoch, loss, acc));
                if (Dist.Rank == 0) Console.WriteLine($"[{epoch + 1}/{epochs}] loss {loss:F4}  test acc {acc:P2}");
            }
        }

        if (Dist.Rank == 0)
            File.WriteAllLines("mlp_baseline.csv", history.Select(h => $"{h.Epoch},{h.Loss:F5},{h.Acc:F5}"));
    }

    static double TrainOneEpoch(Module<Tensor, Tensor> model, optim.Optimizer opt, EpochDataLoader loader)
    {
        model.train();
        double sum = 0;
        int n = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            opt.zero_grad();
            loss.backward();
            opt.step();
            sum += loss.item<float>();
            n++;
        }
        return sum / Math.Max(n, 1);
    }

    static double Evaluate(Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        model.eval();
        long correct = 0, seen = 0;
        using var _ = no_grad();
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            seen += batch["label"].shape[0];
        }
        return (double)correct / seen;
    }
}
