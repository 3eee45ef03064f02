// Scenario: a data-parallel click-through model trains on a long event log cut into "epochs" of a fixed step budget with train.Take(StepsPerEpoch); the epoch is set only inside the rank-0 logging block — wrong: the other ranks never reshuffle and their shards stop partitioning the log (CMP002).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

const int StepsPerEpoch = 2_000;
const long TotalSteps = 60_000;

Dist.Initialize();
using var events = LoadEvents("/mnt/logs/clicks-2024-q3.pt");
// shuffle: true shards by rank on its own under mpirun
using var train = new EpochDataLoader(events, batchSize: 256, shuffle: true, seed: 99, dropLast: true, prefetch: true);

var model = new HashedCtr(1 << 20, 32);
var optimizer = optim.Adam(model.parameters(), 1e-3);
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();

int epoch = 0;
long step = 0;
while (step < TotalSteps)
{
    if (Dist.Rank == 0)
    {
        Console.WriteLine($"--- epoch {epoch} (step {step}/{TotalSteps}) ---");
        train.SetEpoch(epoch);
    }

    foreach (var batch in train.Take(StepsPerEpoch)) //! CMP002
    {
        using var scope = torch.NewDisposeScope();
        var logits = model.call(batch["data"]).squeeze(-1);
        var loss = nn.functional.binary_cross_entropy_with_logits(logits, batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();
        if (++step >= TotalSteps) break;
    }
    epoch++;
}

static InMemoryDataset LoadEvents(string path)
{
    // feature-hashed ids [N, 24] and clicked flags [N], saved by the export job
    var ids = torch.load(path + ".ids");
    var clicked = torch.load(path + ".clicked").to(torch.float32);
    return new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = ids, ["label"] = clicked });
}

sealed class HashedCtr : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> _embed, _mlp;

    public HashedCtr(long buckets, long dim) : base(nameof(HashedCtr))
    {
        _embed = nn.Embedding(buckets, dim);
        _mlp = nn.Sequential(("hidden", nn.Linear(dim, 64)), ("relu", nn.ReLU()), ("out", nn.Linear(64, 1)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor ids) => _mlp.call(_embed.call(ids).sum(1));
}
