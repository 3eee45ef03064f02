// Scenario: FedProx simulation with a Client class owning a shuffling EpochDataLoader; each sampled client sets Loader's epoch to round × localEpochs + e before every local epoch — right
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Lab.Federated;

public sealed class Client
{
    public Client(int id, InMemoryDataset shard)
    {
        Id = id;
        Samples = shard.Count;
        Loader = new EpochDataLoader(shard, batchSize: 20, shuffle: true, seed: 1000 + id);
    }

    public int Id { get; }
    public long Samples { get; }
    public EpochDataLoader Loader { get; }
}

public static class FedProxSim
{
    public static void Main()
    {
        const int numClients = 20, clientsPerRound = 5, rounds = 100, localEpochs = 3;
        const double mu = 0.01; // proximal term weight
        Reproducibility.SeedAll(42);
        var rng = new Random(42);

        using var full = new FashionMnist(train: true);
        var parts = randperm(full.Count).chunk(numClients);
        var clients = parts.Select((idx, i) => new Client(i,
            new InMemoryDataset(full.Columns.ToDictionary(c => c.Key, c => c.Value.index_select(0, idx))))).ToList();

        var global = Sequential(("flat", Flatten()), ("fc1", Linear(784, 128)), ("relu", ReLU()), ("fc2", Linear(128, 10)));

        for (int round = 0; round < rounds; round++)
        {
            var selected = clients.OrderBy(_ => rng.Next()).Take(clientsPerRound).ToList();
            var globalParams = global.parameters().Select(p => p.detach().clone()).ToArray();
            var sums = globalParams.Select(p => zeros_like(p)).ToArray();
            long totalSamples = selected.Sum(c => c.Samples);

            foreach (var client in selected)
            {
                var local = Sequential(("flat", Flatten()), ("fc1", Linear(784, 128)), ("relu", ReLU()), ("fc2", Linear(128, 10)));
                local.load_state_dict(global.state_dict());
                var opt = optim.SGD(local.parameters(), 0.05);
                local.train();

                for (int e = 0; e < localEpochs; e++)
                {
                    client.Loader.SetEpoch(round * localEpochs + e);
                    foreach (var batch in client.Loader)
                    {
                        using var scope = NewDisposeScope();
                        var loss = functional.cross_entropy(local.forward(batch["data"]), batch["label"]);
                        var prox = local.parameters().Zip(globalParams, (p, g) => (p - g).pow(2).sum()).Aggregate((a, b) => a + b);
                        loss = loss + mu / 2 * prox;
                        opt.zero_grad();
                        loss.backward();
                        opt.step();
                    }
                }

                using (no_grad())
                {
                    double weight = client.Samples / (double)totalSamples;
                    foreach (var (sum, p) in sums.Zip(local.parameters()))
                        sum.add_(p * weight);
                }
            }

            using (no_grad())
                foreach (var (p, avg) in global.parameters().Zip(sums))
                    p.copy_(avg);
            if (round % 10 == 0) Console.WriteLine($"round {round}: clients {string.Join(",", selected.Select(c => c.Id))}");
        }
    }
}
