// Scenario: an answer translated from a PyTorch DDP script keeps `shuffle=True` next to `sampler=train_sampler` ("shuffle the training data") in the EpochDataLoader; a sampler and shuffle: true conflict and the loader throws when built (wrong, CMP006 at the creation; the sampler's epoch is set correctly).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace DdpTabular;

public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            Dist.Initialize();
            var world_size = Dist.WorldSize;
            var rank = Dist.Rank;
            Console.WriteLine($"[rank {rank}/{world_size}] starting");

            var n = 20_000;
            var x = torch.randn(n, 16);
            var y = x.matmul(torch.linspace(-1, 1, 16)).unsqueeze(1) + 0.1 * torch.randn(n, 1);
            using var train_set = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = y });

            // train_sampler = DistributedSampler(train_set, num_replicas=world_size, rank=rank)
            var train_sampler = new DistributedSampler(train_set.Count, numReplicas: world_size, rank: rank, seed: 0);
            // train_loader = DataLoader(train_set, batch_size=128, shuffle=True, sampler=train_sampler)
            using var train_loader = new EpochDataLoader(train_set, batchSize: 128, shuffle: true, sampler: train_sampler); //! CMP006

            var model = nn.Sequential(nn.Linear(16, 32), nn.Tanh(), nn.Linear(32, 1));
            using var ddp = new GradientAllReducer(model);
            ddp.BroadcastParameters();
            var optimizer = optim.Adam(model.parameters(), 1e-2);

            for (int epoch = 0; epoch < 5; epoch++)
            {
                train_sampler.SetEpoch(epoch);
                double total = 0;
                foreach (var batch in train_loader)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.call(batch["data"]), batch["label"]);
                    loss.backward();
                    ddp.AverageGradients();
                    optimizer.step();
                    total += loss.item<float>();
                }
                if (rank == 0)
                    Console.WriteLine($"epoch {epoch}: mse {total / train_loader.Count:F5}");
            }
            return 0;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"Bad configuration: {ex.Message}");
            return 2;
        }
    }
}
