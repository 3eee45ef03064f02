// Scenario: an Accelerate-style multi-dataset loop keeps shuffled loaders in a Dictionary built with a collection initializer, sets every loader's epoch in a pre-loop over .Values, then iterates them by (name, loader) deconstruction (correct).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace PortedAccelerate.Named;

public static class NamedLoadersTraining
{
    public static void Run(InMemoryDataset squad, InMemoryDataset nli, InMemoryDataset sst, nn.Module<Tensor, Tensor> model, int numEpochs)
    {
        var loaders = new Dictionary<string, EpochDataLoader>
        {
            ["squad"] = new EpochDataLoader(squad, batchSize: 16, shuffle: true, seed: 1),
            ["nli"] = new EpochDataLoader(nli, batchSize: 32, sampler: new RandomSampler(nli.Count, seed: 2)),
            ["sst"] = new EpochDataLoader(sst, batchSampler: new BatchSampler(new RandomSampler(sst.Count, seed: 3), 32)),
        };
        var optimizer = optim.AdamW(model.parameters(), lr: 2e-5);

        try
        {
            for (int epoch = 0; epoch < numEpochs; epoch++)
            {
                foreach (var loader in loaders.Values)
                    loader.SetEpoch(epoch);

                foreach (var (name, loader) in loaders)
                {
                    int steps = 0;
                    foreach (var batch in loader)
                    {
                        optimizer.zero_grad();
                        using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                        loss.backward();
                        optimizer.step();
                        steps++;
                    }
                    Console.WriteLine($"epoch {epoch} [{name}] {steps} steps");
                }
            }
        }
        finally
        {
            foreach (var loader in loaders.Values) loader.Dispose();
        }
    }
}
