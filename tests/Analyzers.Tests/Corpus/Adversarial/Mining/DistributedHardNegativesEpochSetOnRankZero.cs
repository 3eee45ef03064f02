// Scenario: data-parallel two-tower retrieval; rank 0 mines hard negatives from its item bank and broadcasts them, and the user put loader.SetEpoch(epoch) inside that rank-0 block, so the other ranks never reshuffle their DistributedSampler shard (wrong).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int NumItems = 2000, NumQueries = 20000, Dim = 48, Emb = 32;
const int NegativesPerItem = 8, EpochCount = 12;
const float Temperature = 0.07f;

Dist.Initialize();
torch.manual_seed(7);   // same towers on every rank

var itemFeatures = torch.randn(NumItems, Dim);
var positives = torch.randint(0, NumItems, new long[] { NumQueries }, dtype: int64);
var queryFeatures = itemFeatures.index_select(0, positives) + 0.3 * torch.randn(NumQueries, Dim);
var queries = new InMemoryDataset(new Dictionary<string, Tensor> { ["query"] = queryFeatures, ["item"] = positives });

var shard = new DistributedSampler(queries.Count, seed: 11);
using var loader = new EpochDataLoader(queries, batchSize: 64, sampler: shard);

var queryTower = Sequential(("fc", Linear(Dim, 64)), ("act", GELU()), ("out", Linear(64, Emb)));
var itemTower = Sequential(("fc", Linear(Dim, 64)), ("act", GELU()), ("out", Linear(64, Emb)));
var parameters = queryTower.parameters().Concat(itemTower.parameters()).ToList();
var optimizer = torch.optim.Adam(parameters, lr: 1e-3);

for (int epoch = 0; epoch < EpochCount; epoch++)
{
    var hardNegatives = torch.zeros(new long[] { NumItems, NegativesPerItem }, dtype: int64);
    if (Dist.Rank == 0)
    {
        // only rank 0 embeds the whole catalogue
        using (torch.no_grad())
        {
            var bank = functional.normalize(itemTower.forward(itemFeatures), p: 2, dim: 1);
            var sim = bank.matmul(bank.t()) - 4 * torch.eye(NumItems);   // never pick the item itself
            hardNegatives = sim.topk(NegativesPerItem, dim: 1).indexes;
        }
        loader.SetEpoch(epoch);
        Console.WriteLine($"epoch {epoch}: mined {NegativesPerItem} hard negatives per item");
    }
    Dist.Broadcast(hardNegatives, root: 0);

    foreach (var batch in loader) //! CMP002
    {
        using var scope = torch.NewDisposeScope();
        var q = functional.normalize(queryTower.forward(batch["query"]), p: 2, dim: 1);
        var pos = batch["item"];
        var candidates = torch.cat([pos.unsqueeze(1), hardNegatives.index_select(0, pos)], 1);   // B × (1 + M)
        var candEmb = functional.normalize(itemTower.forward(itemFeatures.index_select(0, candidates.flatten())), p: 2, dim: 1)
            .view(candidates.shape[0], candidates.shape[1], Emb);
        var logits = (candEmb * q.unsqueeze(1)).sum(2) / Temperature;
        var loss = functional.cross_entropy(logits, torch.zeros(candidates.shape[0], dtype: int64));

        optimizer.zero_grad();
        loss.backward();
        foreach (var p in parameters)
        {
            Dist.AllReduce(p.grad!);
            p.grad!.div_(Dist.WorldSize);
        }
        optimizer.step();
    }
}
