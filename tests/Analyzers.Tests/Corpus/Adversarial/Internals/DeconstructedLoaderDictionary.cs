// Scenario: the same dictionary walk written with deconstruction, `foreach (var (name, loader) in loaders) { loader.SetEpoch(epoch); foreach (var batch in loader) … }`. Right (no diagnostic: the loop sets and iterates its own variable).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.DeconstructedLoaderDictionary;

public static class MixtureTraining
{
    public static void Run(nn.Module<Tensor, Tensor> model, IReadOnlyDictionary<string, InMemoryDataset> corpora, int epochs)
    {
        var loaders = new Dictionary<string, EpochDataLoader>();
        foreach (var (name, data) in corpora)
            loaders[name] = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: name.Length);

        var optimizer = optim.AdamW(model.parameters(), 5e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            var summary = new List<string>();
            foreach (var (name, loader) in loaders)
            {
                loader.SetEpoch(epoch);
                double total = 0;
                int steps = 0;
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(model.forward(batch["tokens"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                    total += loss.item<float>();
                    steps++;
                }
                summary.Add($"{name}={(steps > 0 ? total / steps : 0):F3}");
            }
            Console.WriteLine($"epoch {epoch}: {string.Join(", ", summary)}");
        }
        foreach (var loader in loaders.Values) loader.Dispose();
    }
}
