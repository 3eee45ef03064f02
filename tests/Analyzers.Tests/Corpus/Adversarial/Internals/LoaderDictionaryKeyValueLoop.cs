// Scenario: a dictionary of named loaders is walked every epoch; each entry's loader gets `kv.Value.SetEpoch(epoch)` and is then iterated; right (the loop over entries picks a loader per pass).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.LoaderDictionaryKeyValueLoop;

public static class MixtureTraining
{
    public static void Run(nn.Module<Tensor, Tensor> model, IReadOnlyDictionary<string, InMemoryDataset> corpora, int epochs)
    {
        var loaders = new Dictionary<string, EpochDataLoader>();
        foreach (var kv in corpora)
            loaders[kv.Key] = new EpochDataLoader(kv.Value, batchSize: 32, shuffle: true, seed: kv.Key.Length);

        var optimizer = optim.AdamW(model.parameters(), 5e-4);
        var history = new Dictionary<string, List<double>>();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            foreach (var kv in loaders)
            {
                kv.Value.SetEpoch(epoch);
                double total = 0;
                int steps = 0;
                foreach (var batch in kv.Value)
                {
                    optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(model.forward(batch["tokens"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                    total += loss.item<float>();
                    steps++;
                }
                if (!history.TryGetValue(kv.Key, out var list)) history[kv.Key] = list = [];
                list.Add(steps > 0 ? total / steps : 0);
            }
            Console.WriteLine($"epoch {epoch}: " + string.Join(", ", history.Select(h => $"{h.Key}={h.Value[^1]:F3}")));
        }
        foreach (var loader in loaders.Values) loader.Dispose();
    }
}
