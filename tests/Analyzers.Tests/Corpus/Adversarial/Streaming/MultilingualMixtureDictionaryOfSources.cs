// Scenario: per-language loaders are mixed with temperature-sampled weights that change per epoch; a dictionary built from the three loaders sets each one's epoch with kv.Value.SetEpoch(epoch) before their enumerators are opened — right: every source is told the advancing epoch on every pass.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Mt.Mixture;

public static class MixtureTraining
{
    const int Vocab = 24_000;

    public static void Run(int epochs, int stepsPerEpoch)
    {
        using var en = new EpochDataLoader(Pairs("en"), batchSize: 32, shuffle: true, seed: 100);
        using var de = new EpochDataLoader(Pairs("de"), batchSize: 32, shuffle: true, seed: 200);
        using var sw = new EpochDataLoader(Pairs("sw"), batchSize: 32, shuffle: true, seed: 300);
        var sources = new Dictionary<string, EpochDataLoader> { ["en"] = en, ["de"] = de, ["sw"] = sw };
        var sizes = new[] { en.Count, de.Count, sw.Count };

        var model = nn.Sequential(("embed", nn.Embedding(Vocab, 256)), ("act", nn.ReLU()), ("head", nn.Linear(256, Vocab)));
        var optimizer = optim.Adam(model.parameters(), 5e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var kv in sources) kv.Value.SetEpoch(epoch);

            // temperature goes from 1 (proportional) to 5 (close to uniform) over the run
            var temperature = 1.0 + 4.0 * epoch / Math.Max(1, epochs - 1);
            var weights = sizes.Select(n => Math.Pow(n, 1.0 / temperature)).ToArray();
            var draw = new Random(epoch);

            using var enIt = en.GetEnumerator();
            using var deIt = de.GetEnumerator();
            using var swIt = sw.GetEnumerator();
            var its = new[] { enIt, deIt, swIt };

            var counts = new int[3];
            for (int step = 0; step < stepsPerEpoch; step++)
            {
                var k = Pick(weights, draw.NextDouble());
                if (!its[k].MoveNext()) break;    // a small language ran out: end the epoch
                counts[k]++;
                using var scope = torch.NewDisposeScope();
                var batch = its[k].Current;
                var logits = model.call(batch["data"]);
                var loss = nn.functional.cross_entropy(logits.view(-1, Vocab), batch["label"].view(-1));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch} (T={temperature:F1}): en {counts[0]}, de {counts[1]}, sw {counts[2]} batches");
        }
    }

    static int Pick(double[] weights, double u)
    {
        var target = u * weights.Sum();
        for (int i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target <= 0) return i;
        }
        return weights.Length - 1;
    }

    static InMemoryDataset Pairs(string language)
    {
        var source = torch.load($"/data/mt/{language}-src.pt");   // [pairs, 48] token ids
        var target = torch.load($"/data/mt/{language}-tgt.pt");   // [pairs, 48]
        return new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = source, ["label"] = target });
    }
}
