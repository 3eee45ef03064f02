// Scenario: review classification with an auxiliary masked-token task drawn from a second shuffled corpus loader every 3 steps; a local function called at the top of each epoch sets both loaders' epochs (correct: no diagnostic).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const int epochs = 4;
const int auxEvery = 3;
const int vocab = 20000;
const long maskId = 3;

using var reviewSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["ids"] = torch.load("data/imdb/ids_256.pt"),        // [N, 256] int64
    ["label"] = torch.load("data/imdb/label.pt"),
});
using var corpusSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["ids"] = torch.load("data/imdb/unsup_ids_256.pt"),
});
using var reviews = new EpochDataLoader(reviewSet, batchSize: 32, shuffle: true, seed: 101);
using var corpus = new EpochDataLoader(corpusSet, batchSize: 32, shuffle: true, seed: 102);

var embed = nn.Embedding(vocab, 128);
var encoder = nn.GRU(128, 128, batchFirst: true);
var clsHead = nn.Linear(128, 2);
var mlmHead = nn.Linear(128, vocab);
var all = new nn.Module[] { embed, encoder, clsHead, mlmHead };
var optimizer = optim.Adam(all.SelectMany(m => m.parameters()), 1e-3);

void BeginEpoch(int e)
{
    Epochs.SetEpoch(reviews, e);
    Epochs.SetEpoch(corpus, e);
}

for (int epoch = 0; epoch < epochs; epoch++)
{
    BeginEpoch(epoch);
    using var mlmBatches = corpus.GetEnumerator();
    int step = 0;
    foreach (var batch in reviews)
    {
        using var scope = NewDisposeScope();
        var (hidden, last) = encoder.call(embed.call(batch["ids"]));
        var loss = nn.functional.cross_entropy(clsHead.call(last[-1]), batch["label"]);

        if (++step % auxEvery == 0 && mlmBatches.MoveNext())
        {
            var ids = mlmBatches.Current["ids"];
            var mask = rand(ids.shape).lt(0.15);
            var masked = ids.masked_fill(mask, maskId);
            var (h, _) = encoder.call(embed.call(masked));
            var logits = mlmHead.call(h[mask]);
            loss = loss + 0.3 * nn.functional.cross_entropy(logits, ids[mask]);
        }

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
    Console.WriteLine($"epoch {epoch}: {step} classification steps");
}
