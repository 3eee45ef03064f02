// Scenario: after an elastic restart on a different number of ranks, the job rebuilds its loader for the new world size but passes `batchSize: 64, shuffle: true` next to its own DDP `batchSampler:`; the runtime rejects the pair at construction, like PyTorch — wrong (CMP006 on batchSize and on shuffle)
using System.Text.Json;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

const int MaxEpochs = 16;
const string StateFile = "/checkpoints/recsys/elastic.json";

Dist.Initialize();
int worldSize = Dist.WorldSize;
int rank = Dist.Rank;

var interactions = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["user"] = torch.load("/data/recsys/users.pt"),
    ["item"] = torch.load("/data/recsys/items.pt"),
    ["label"] = torch.load("/data/recsys/clicked.pt"),
});

var state = File.Exists(StateFile)
    ? JsonSerializer.Deserialize<ElasticState>(File.ReadAllText(StateFile))!
    : new ElasticState(0, worldSize);
if (state.WorldSize != worldSize && rank == 0)
    Console.WriteLine($"elastic restart: {state.WorldSize} -> {worldSize} ranks, continuing at epoch {state.NextEpoch}");

using var loader = BuildLoader(interactions, worldSize, rank);
var users = nn.Embedding(50_000, 32);
var items = nn.Embedding(20_000, 32);
var parameters = users.parameters().Concat(items.parameters()).ToList();
var optimizer = optim.Adam(parameters, lr: 1e-3);

for (int epoch = state.NextEpoch; epoch < MaxEpochs; epoch++)
{
    loader.SetEpoch(epoch);
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var logits = (users.call(batch["user"]) * items.call(batch["item"])).sum(1);
        var loss = nn.functional.binary_cross_entropy_with_logits(logits, batch["label"]);
        loss.backward();
        foreach (var p in parameters)
        {
            Dist.AllReduce(p.grad!);
            p.grad!.div_(worldSize);
        }
        optimizer.step();
    }
    if (rank == 0) File.WriteAllText(StateFile, JsonSerializer.Serialize(new ElasticState(epoch + 1, worldSize)));
}

static EpochDataLoader BuildLoader(InMemoryDataset data, int worldSize, int rank) =>
    new EpochDataLoader(data, batchSize: 64, shuffle: true, //! CMP006 CMP006
        batchSampler: new BatchSampler(new DistributedSampler(data.Count, numReplicas: worldSize, rank: rank, seed: 13), 64));

record ElasticState(int NextEpoch, int WorldSize);
