// Scenario: progressive resizing in a trainer class: a switch expression picks the image size per epoch and the loader is rebuilt every epoch with `seed: _options.Seed + epoch`, so each epoch gets a new order without SetEpoch; the validation loader is built once and does not shuffle — correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.ProgressiveResizeEpochSeed;

public sealed class ResizeOptions
{
    public int Epochs { get; init; } = 30;
    public int BatchSize { get; init; } = 128;
    public int Seed { get; init; } = 42;
    public double Lr { get; init; } = 0.4;
}

public sealed class ProgressiveTrainer(nn.Module<Tensor, Tensor> model, ResizeOptions options)
{
    private readonly ResizeOptions _options = options;

    private static int ImageSize(int epoch) => epoch switch
    {
        < 10 => 128,
        < 20 => 192,
        _ => 224,
    };

    public void Fit(Func<int, InMemoryDataset> trainAtSize, InMemoryDataset valSet)
    {
        var optimizer = optim.SGD(model.parameters(), _options.Lr, momentum: 0.9);
        using var valLoader = new EpochDataLoader(valSet, batchSize: 256);

        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            int size = ImageSize(epoch);
            using var trainLoader = new EpochDataLoader(trainAtSize(size), batchSize: _options.BatchSize,
                shuffle: true, seed: _options.Seed + epoch, dropLast: true, disposeDataset: true);

            model.train();
            foreach (var batch in trainLoader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.call(batch["image"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }

            model.eval();
            long correct = 0;
            using (no_grad())
            {
                foreach (var batch in valLoader)
                    correct += model.call(batch["image"]).argmax(1).eq(batch["label"]).sum().item<long>();
            }
            Console.WriteLine($"epoch {epoch} @ {size}px: val acc {correct / (double)valSet.Count:P2}");
        }
    }
}
