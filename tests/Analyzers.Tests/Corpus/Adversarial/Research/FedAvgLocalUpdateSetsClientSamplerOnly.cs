// Scenario: FedAvg simulation whose LocalUpdate(model, clientLoader, ...) sets the epoch on clientLoader.Sampler only; the client loaders draw from batch samplers, so local epochs replay one order — wrong (CMP001)
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Lab.Federated;

public static class FedAvgSim
{
    const int Clients = 10;
    const int Rounds = 50;
    const int LocalEpochs = 2;

    public static void Main()
    {
        Reproducibility.SeedAll(0);
        using var full = new FashionMnist(train: true);
        var shards = NonIidShards(full, Clients, shardsPerClient: 2);

        // fixed-size local batches (ported from the FedAvg reference), so every local step has the same weight
        var clientLoaders = new List<EpochDataLoader>();
        for (int c = 0; c < Clients; c++)
            clientLoaders.Add(new EpochDataLoader(shards[c],
                batchSampler: new BatchSampler(new RandomSampler(shards[c].Count, seed: 100 + c), 10, dropLast: true)));

        var global = MakeModel();
        for (int round = 0; round < Rounds; round++)
        {
            var states = new List<(Dictionary<string, Tensor> State, long Samples)>();
            for (int c = 0; c < Clients; c++)
            {
                var local = MakeModel();
                local.load_state_dict(global.state_dict());
                LocalUpdate(local, clientLoaders[c], round);
                states.Add((local.state_dict(), shards[c].Count));
            }
            Average(global, states);
            Console.WriteLine($"round {round} aggregated {states.Count} clients");
        }
        global.save("fedavg_global.bin");
    }

    static void LocalUpdate(Module<Tensor, Tensor> model, EpochDataLoader clientLoader, int round)
    {
        var opt = optim.SGD(model.parameters(), 0.01);
        model.train();
        for (int e = 0; e < LocalEpochs; e++)
        {
            if (clientLoader.Sampler is IEpochAware sampler) sampler.SetEpoch(round * LocalEpochs + e); //! CMP001
            foreach (var batch in clientLoader)
            {
                using var scope = NewDisposeScope();
                var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                opt.zero_grad();
                loss.backward();
                opt.step();
            }
        }
    }

    static void Average(Module<Tensor, Tensor> global, List<(Dictionary<string, Tensor> State, long Samples)> states)
    {
        double total = states.Sum(s => (double)s.Samples);
        var avg = new Dictionary<string, Tensor>();
        using (no_grad())
        {
            foreach (var key in global.state_dict().Keys)
                avg[key] = states.Select(s => s.State[key].to_type(ScalarType.Float32) * (s.Samples / total))
                                 .Aggregate((a, b) => a + b)
                                 .to_type(states[0].State[key].dtype);
        }
        global.load_state_dict(avg);
    }

    static Module<Tensor, Tensor> MakeModel() =>
        Sequential(("flat", Flatten()), ("fc1", Linear(784, 200)), ("relu", ReLU()), ("fc2", Linear(200, 10)));

    // McMahan et al.: sort by label, cut into 2 × clients shards, give each client two
    static List<InMemoryDataset> NonIidShards(InMemoryDataset data, int clients, int shardsPerClient)
    {
        var order = data.Columns["label"].argsort();
        var pieces = order.chunk(clients * shardsPerClient);
        var assignment = randperm(pieces.Length);
        var result = new List<InMemoryDataset>();
        for (int c = 0; c < clients; c++)
        {
            var idx = cat(Enumerable.Range(0, shardsPerClient)
                .Select(k => pieces[assignment[c * shardsPerClient + k].item<long>()]).ToArray(), 0);
            result.Add(new InMemoryDataset(data.Columns.ToDictionary(col => col.Key, col => col.Value.index_select(0, idx))));
        }
        return result;
    }
}
