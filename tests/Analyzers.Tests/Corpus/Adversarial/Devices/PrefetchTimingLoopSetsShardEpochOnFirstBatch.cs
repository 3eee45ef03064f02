// Scenario: a profiling loop drives the prefetching loader's enumerator by hand to time data waits against GPU compute, and sets the shard's epoch once the first batch has arrived — one epoch late (CMP005).
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Bench;

public static class InputPipelineProfile
{
    public static void Run(InMemoryDataset data, int epochs)
    {
        var device = cuda.is_available() ? CUDA : CPU;
        bool onGpu = device.type == DeviceType.CUDA;

        // The loader gathers and copies the next batch to the device on its own thread (prefetch: true).
        var shard = new DistributedSampler(data.Count, seed: 8);
        using var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 128), device: device, prefetch: true);

        var model = nn.Sequential(nn.Linear(512, 1024), nn.ReLU(), nn.Linear(1024, 1024), nn.ReLU(), nn.Linear(1024, 20));
        model.to(device);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.01);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var dataWait = TimeSpan.Zero;
            var compute = TimeSpan.Zero;
            int steps = 0;
            bool first = true;

            using var it = loader.GetEnumerator();
            var lap = Stopwatch.StartNew();
            while (it.MoveNext())
            {
                dataWait += lap.Elapsed;
                if (first)
                {
                    shard.SetEpoch(epoch); //! CMP005
                    first = false;
                }

                lap.Restart();
                using (NewDisposeScope())
                {
                    var batch = it.Current;
                    optimizer.zero_grad();
                    var loss = nn.functional.cross_entropy(model.call(batch["embedding"]), batch["topic"]);
                    loss.backward();
                    optimizer.step();
                }
                if (onGpu) cuda.synchronize();   // so the stopwatch sees the kernels, not just their launch
                compute += lap.Elapsed;
                steps++;
                lap.Restart();
            }

            Console.WriteLine(
                $"epoch {epoch}: {steps} steps, waiting on data {dataWait.TotalMilliseconds / Math.Max(1, steps):F2} ms/step, " +
                $"compute {compute.TotalMilliseconds / Math.Max(1, steps):F2} ms/step");
        }
    }
}
