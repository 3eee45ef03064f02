// Scenario: multi-task NLU training interleaves batches from three shuffled task loaders, picking the next task with probability proportional to its size; every epoch it sets all three loaders' epochs through a loop over a local array built from them, before taking their enumerators (correct: no diagnostic).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const int epochs = 6;
const double temperature = 2.0;   // T > 1 flattens the size-proportional mixture

using var posData = LoadTask("data/conll/pos");
using var nerData = LoadTask("data/conll/ner");
using var chunkData = LoadTask("data/conll/chunk");

using var pos = new EpochDataLoader(posData, batchSize: 32, shuffle: true, seed: 21);
using var ner = new EpochDataLoader(nerData, batchSize: 32, shuffle: true, seed: 22);
using var chunk = new EpochDataLoader(chunkData, batchSize: 32, shuffle: true, seed: 23);
EpochDataLoader[] loaders = [pos, ner, chunk];
int[] tagCounts = [17, 9, 23];

var encoder = nn.Sequential(nn.Linear(300, 256), nn.Tanh(), nn.Linear(256, 256), nn.Tanh());
var heads = nn.ModuleList(tagCounts.Select(n => nn.Linear(256, n)).ToArray());
var optimizer = optim.Adam(encoder.parameters().Concat(heads.parameters()), 1e-3);

// p_i ~ (batches_i)^(1/T)
var weights = loaders.Select(l => Math.Pow(l.Count, 1.0 / temperature)).ToArray();

for (int epoch = 0; epoch < epochs; epoch++)
{
    foreach (var loader in loaders) loader.SetEpoch(epoch);

    var iterators = new[] { pos.GetEnumerator(), ner.GetEnumerator(), chunk.GetEnumerator() };
    var live = new List<int> { 0, 1, 2 };
    var rng = new Random(1000 + epoch);
    try
    {
        while (live.Count > 0)
        {
            double r = rng.NextDouble() * live.Sum(t => weights[t]);
            int pick = live[^1];
            foreach (var t in live)
            {
                if ((r -= weights[t]) <= 0) { pick = t; break; }
            }
            if (!iterators[pick].MoveNext()) { live.Remove(pick); continue; }

            using var scope = NewDisposeScope();
            var batch = iterators[pick].Current;
            var logits = heads[pick].call(encoder.call(batch["tokens"]));   // [B, L, tags]
            var loss = nn.functional.cross_entropy(logits.flatten(0, 1), batch["tags"].flatten(), ignore_index: -100);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
    finally
    {
        foreach (var it in iterators) it.Dispose();
    }
    Console.WriteLine($"epoch {epoch} done");
}

static InMemoryDataset LoadTask(string folder) => new(new Dictionary<string, Tensor>
{
    ["tokens"] = torch.load(Path.Combine(folder, "glove_tokens.pt")),   // [N, L, 300]
    ["tags"] = torch.load(Path.Combine(folder, "tags.pt")),             // [N, L], -100 = padding
});
