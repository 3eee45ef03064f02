// Scenario: a profiling run with warm-up epochs (epoch = w) followed by timed epochs that continue the count (epoch = WarmupEpochs + epoch), each set on the shuffling loader before a helper iterates it — right, nothing to report.
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Perf;

public static class ConvNetProfile
{
    const int WarmupEpochs = 1;
    const int TimedEpochs = 3;

    public static void Main()
    {
        var device = cuda.is_available() ? CUDA : CPU;
        var data = new FashionMnist();
        using var train = new EpochDataLoader(data, batchSize: 256, shuffle: true, seed: 1, device: device, prefetch: true);

        var model = nn.Sequential(
            nn.Conv2d(1, 64, 3, padding: 1), nn.BatchNorm2d(64), nn.ReLU(),
            nn.Conv2d(64, 64, 3, padding: 1), nn.BatchNorm2d(64), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, 10));
        model.to(device);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.1, momentum: 0.9, nesterov: true);

        // Warm-up passes are not timed: the first CUDA kernels and allocations are slow.
        for (int w = 0; w < WarmupEpochs; w++)
        {
            train.SetEpoch(w);
            TrainEpoch(model, optimizer, train, device);
        }

        for (int epoch = 0; epoch < TimedEpochs; epoch++)
        {
            train.SetEpoch(WarmupEpochs + epoch);
            var clock = Stopwatch.StartNew();
            long images = TrainEpoch(model, optimizer, train, device);
            double seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"epoch {WarmupEpochs + epoch}: {images / seconds:F0} images/s, {seconds / train.Count * 1000:F1} ms/step");
        }
    }

    static long TrainEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, EpochDataLoader loader, Device device)
    {
        model.train();
        long images = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();
            images += batch["label"].shape[0];
        }
        // Wait for the queued kernels so the caller's stopwatch measures the work.
        if (device.type == DeviceType.CUDA) cuda.synchronize();
        return images;
    }
}
