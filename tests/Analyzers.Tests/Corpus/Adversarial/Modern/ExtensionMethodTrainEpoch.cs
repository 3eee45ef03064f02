// Scenario: the training step lives in an extension method `train.TrainEpoch(model, optimizer)` on the loader, called once per epoch; the shuffling Fashion-MNIST loader's epoch is never set, so each call replays the first epoch's order (CMP002 at the call).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Modern.Fashion;

public static class LoaderExtensions
{
    public static double TrainEpoch(this EpochDataLoader loader, Module<Tensor, Tensor> model, optim.Optimizer optimizer)
    {
        model.train();
        double total = 0;
        var batches = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = functional.cross_entropy(model.call(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
            batches++;
        }
        return total / Math.Max(batches, 1);
    }

    public static double Accuracy(this EpochDataLoader loader, Module<Tensor, Tensor> model)
    {
        model.eval();
        using var noGrad = no_grad();
        long correct = 0, seen = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            correct += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            seen += batch["label"].shape[0];
        }
        return (double)correct / Math.Max(seen, 1);
    }
}

public sealed class FashionRunner
{
    public required int EpochCount { get; init; }
    public double LearningRate { get; init; } = 1e-3;

    public void Run()
    {
        using var train = new EpochDataLoader(new FashionMnist(train: true), batchSize: 64, shuffle: true, seed: 2024);
        using var test = new EpochDataLoader(new FashionMnist(train: false), batchSize: 256);

        var model = Sequential(
            ("flatten", Flatten()),
            ("fc1", Linear(28 * 28, 300)),
            ("act", ReLU()),
            ("drop", Dropout(0.2)),
            ("fc2", Linear(300, 10)));
        var optimizer = optim.Adam(model.parameters(), lr: LearningRate);

        for (var epoch = 1; epoch <= EpochCount; epoch++)
        {
            var loss = train.TrainEpoch(model, optimizer); //! CMP002
            var accuracy = test.Accuracy(model);
            Console.WriteLine($"epoch {epoch:D2}  loss {loss:F4}  test accuracy {accuracy:P2}");
        }
    }
}
