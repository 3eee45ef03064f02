// Scenario: data-parallel training posts each epoch's metrics to a dashboard with HttpClient from rank 0 only, and the reshuffle call was moved into that same rank-0 block; the other ranks never reshuffle — wrong (CMP002).
using System.Net.Http.Json;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Vision.Ddp;

public sealed record EpochMetrics(string Run, int Epoch, double Loss, double Seconds);

public static class DdpTraining
{
    private static readonly HttpClient Dashboard = new() { BaseAddress = new Uri("http://metrics.internal:8080/") };

    public static async Task Main(string[] args)
    {
        Dist.Initialize();
        int epochs = args.Length > 0 ? int.Parse(args[0]) : 10;
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };

        using var data = new FashionMnist(train: true);
        // shuffle: true shards the data with a DistributedSampler over Dist.WorldSize ranks
        using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 17);

        using var model = nn.Sequential(
            ("conv1", nn.Conv2d(1, 16, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(16, 32, 3, padding: 1)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()), ("fc", nn.Linear(32 * 7 * 7, 10)));
        using var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
        foreach (var p in model.parameters()) Dist.Broadcast(p);   // start from rank 0's weights

        for (int epoch = 0; epoch < epochs && !cts.IsCancellationRequested; epoch++)
        {
            var started = DateTime.UtcNow;
            double total = 0;
            long seen = 0;

            if (Dist.Rank == 0)
            {
                Console.WriteLine($"epoch {epoch} starting on {Dist.WorldSize} ranks");
                train.SetEpoch(epoch);
            }

            model.train();
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                foreach (var p in model.parameters())
                {
                    Dist.AllReduce(p.grad!);
                    p.grad!.div_(Dist.WorldSize);
                }
                optimizer.step();
                total += loss.item<float>();
                seen++;
            }

            if (Dist.Rank == 0)
            {
                var metrics = new EpochMetrics("fmnist-ddp", epoch, total / seen, (DateTime.UtcNow - started).TotalSeconds);
                try
                {
                    using var response = await Dashboard.PostAsJsonAsync("api/epochs", metrics, cts.Token);
                    response.EnsureSuccessStatusCode();
                }
                catch (HttpRequestException ex)
                {
                    Console.Error.WriteLine($"dashboard unavailable: {ex.Message}");
                }
            }
        }
    }
}
