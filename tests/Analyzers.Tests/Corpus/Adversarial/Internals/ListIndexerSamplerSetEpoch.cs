// Scenario: a PyTorch port keeps several data-parallel loaders (each `sampler: new DistributedSampler(...)`, no batch sampler) in a List and sets `((DistributedSampler)loaders[t].Sampler).SetEpoch(epoch)` for each, then iterates them. Right, and `loaders[t]` is not a variable: the CMP001 page lists `loaders[0].Sampler` under Not flagged (no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.ListIndexerSamplerSetEpoch;

public static class MultiCorpusDdp
{
    public static List<EpochDataLoader> BuildLoaders(IReadOnlyList<InMemoryDataset> corpora, int world, int rank, int batchSize)
    {
        var loaders = new List<EpochDataLoader>(corpora.Count);
        foreach (var corpus in corpora)
            loaders.Add(new EpochDataLoader(corpus, batchSize: batchSize,
                sampler: new DistributedSampler(corpus.Count, numReplicas: world, rank: rank, seed: 42)));
        return loaders;
    }

    public static void Train(nn.Module<Tensor, Tensor> model, IReadOnlyList<InMemoryDataset> corpora, int world, int rank, int epochs)
    {
        List<EpochDataLoader> loaders = BuildLoaders(corpora, world, rank, batchSize: 16);
        var optimizer = optim.Adam(model.parameters(), 2e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            for (int t = 0; t < loaders.Count; t++)
                ((DistributedSampler)loaders[t].Sampler).SetEpoch(epoch);

            model.train();
            foreach (var loader in loaders)
            {
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                    loss.backward();
                    optimizer.step();
                }
            }
            if (rank == 0) Console.WriteLine($"epoch {epoch}: {loaders.Sum(l => l.Count)} batches");
        }
        foreach (var loader in loaders) loader.Dispose();
    }
}
