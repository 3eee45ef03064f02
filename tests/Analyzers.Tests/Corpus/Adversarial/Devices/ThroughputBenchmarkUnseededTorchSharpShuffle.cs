// Scenario: a throughput benchmark with two warm-up epochs and five timed epochs over a TorchSharp DataLoader that shuffles without a seed (a fresh order each enumeration) — not reproducible, but never repeated; nothing to report.
using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Acme.Perf;

public static class MlpThroughput
{
    const int WarmupEpochs = 2;
    const int TimedEpochs = 5;

    public static void Measure(utils.data.Dataset rows, int batchSize)
    {
        var device = cuda.is_available() ? CUDA : CPU;
        var loader = new DataLoader(rows, batchSize, shuffle: true, device: device, num_worker: 4, disposeDataset: false);

        var model = nn.Sequential(nn.Linear(256, 2048), nn.ReLU(), nn.Linear(2048, 2048), nn.ReLU(), nn.Linear(2048, 256));
        model.to(device);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-4);

        // Warm-up: cuDNN autotuning, allocator growth, JIT of the managed loop.
        for (int w = 0; w < WarmupEpochs; w++)
            RunEpoch(model, optimizer, loader, device);

        var perEpoch = new List<double>();
        for (int epoch = 0; epoch < TimedEpochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            long samples = RunEpoch(model, optimizer, loader, device);
            clock.Stop();
            perEpoch.Add(samples / clock.Elapsed.TotalSeconds);
            Console.WriteLine($"timed epoch {epoch}: {perEpoch[^1]:F0} samples/s");
        }
        Console.WriteLine($"median {perEpoch.Order().ElementAt(perEpoch.Count / 2):F0} samples/s at batch {batchSize} on {device.type}");
        loader.Dispose();
    }

    static long RunEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, DataLoader loader, Device device)
    {
        long samples = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var x = batch["input"];
            var loss = nn.functional.mse_loss(model.call(x), batch["target"]);
            loss.backward();
            optimizer.step();
            samples += x.shape[0];
        }
        if (device.type == DeviceType.CUDA) cuda.synchronize();
        return samples;
    }
}
