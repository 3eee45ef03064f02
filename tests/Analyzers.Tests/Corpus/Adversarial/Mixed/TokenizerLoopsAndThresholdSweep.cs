// Scenario: a text classifier file full of loops that are not epoch loops (vocabulary counts, token encoding, a token budget reset per shard), an epoch loop that hands the loader to a one-epoch helper which sets its epoch and iterates it, and a threshold sweep that re-reads a non-shuffling evaluation loader — correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Sentiment;

public sealed class WordTokenizer
{
    private readonly Dictionary<string, int> _vocab = new() { ["<pad>"] = 0, ["<unk>"] = 1 };
    public int VocabSize => _vocab.Count;

    public void Fit(IEnumerable<string> corpus, int minCount)
    {
        var counts = new Dictionary<string, int>();
        foreach (var line in corpus)
            foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                counts[token] = counts.GetValueOrDefault(token) + 1;
        foreach (var (word, count) in counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key))
            if (count >= minCount) _vocab[word] = _vocab.Count;
    }

    public long[] Encode(string text, int length)
    {
        var ids = new long[length];
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < length && i < tokens.Length; i++) ids[i] = _vocab.TryGetValue(tokens[i], out var id) ? id : 1;
        return ids;
    }
}

/// <summary>Caps tokens per epoch for a rate-limited labelling service. SetEpoch resets the counter.</summary>
public sealed class TokenBudget(long perEpoch)
{
    public long Used { get; private set; }
    public int Epoch { get; private set; }
    public void SetEpoch(int epoch) { Epoch = epoch; Used = 0; }
    public bool Reserve(long tokens) { if (Used + tokens > perEpoch) return false; Used += tokens; return true; }
}

public sealed class MeanEmbedding : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Embedding _embed;
    private readonly TorchSharp.Modules.Linear _head;

    public MeanEmbedding(long vocab, long dim) : base(nameof(MeanEmbedding))
    {
        _embed = nn.Embedding(vocab, dim, padding_idx: 0);
        _head = nn.Linear(dim, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor ids) => _head.forward(_embed.forward(ids).mean(new long[] { 1 }));
}

public static class SentimentPipeline
{
    private static readonly string[] Words = { "good", "bad", "fine", "movie", "plot", "actor", "boring", "great", "the", "a" };

    public static List<string> MakeCorpus(int lines, int seed)
    {
        var rng = new Random(seed);
        var corpus = new List<string>(lines);
        for (int i = 0; i < lines; i++)
            corpus.Add(string.Join(' ', Enumerable.Range(0, rng.Next(3, 12)).Select(_ => Words[rng.Next(Words.Length)])));
        return corpus;
    }

    public static InMemoryDataset Encode(WordTokenizer tokenizer, List<string> corpus, int length)
    {
        var ids = new long[corpus.Count * length];
        var labels = new long[corpus.Count];
        for (int row = 0; row < corpus.Count; row++)
        {
            var encoded = tokenizer.Encode(corpus[row], length);
            Array.Copy(encoded, 0, ids, row * length, length);
            labels[row] = corpus[row].Contains("good") || corpus[row].Contains("great") ? 1 : 0;
        }
        return new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.tensor(ids).reshape(corpus.Count, length),
            ["label"] = torch.tensor(labels),
        });
    }

    public static void Run(int epochs)
    {
        var trainText = MakeCorpus(3000, seed: 1);
        var evalText = MakeCorpus(600, seed: 2);
        var tokenizer = new WordTokenizer();
        tokenizer.Fit(trainText, minCount: 2);

        var budget = new TokenBudget(perEpoch: 50_000);
        var shards = trainText.Chunk(500).ToList();
        foreach (var shard in shards)
        {
            budget.SetEpoch(0);
            var tokens = shard.Sum(line => (long)line.Split(' ').Length);
            Console.WriteLine($"shard of {shard.Length}: {(budget.Reserve(tokens) ? "fits" : "over budget")}");
        }

        var train = new EpochDataLoader(Encode(tokenizer, trainText, 12), batchSize: 32, shuffle: true, seed: 8);
        var eval = new EpochDataLoader(Encode(tokenizer, evalText, 12), batchSize: 128);
        Console.WriteLine($"first eval batch: {eval.First()["data"].shape[0]} rows");

        var model = new MeanEmbedding(tokenizer.VocabSize, 16);
        var optimizer = optim.Adam(model.parameters(), 5e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
            Console.WriteLine($"epoch {epoch}: {TrainOneEpoch(model, optimizer, train, epoch):F4}");

        foreach (var threshold in new[] { 0.3, 0.5, 0.7 })
        {
            long hits = 0, seen = 0;
            using var _ = torch.no_grad();
            foreach (var batch in eval)
            {
                var p = torch.sigmoid(model.forward(batch["data"])).squeeze(1);
                hits += (p > threshold).to(ScalarType.Int64).eq(batch["label"]).sum().item<long>();
                seen += batch["label"].shape[0];
            }
            Console.WriteLine($"threshold {threshold}: accuracy {(double)hits / seen:P1}");
        }
    }

    private static double TrainOneEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, EpochDataLoader loader, int epoch)
    {
        loader.SetEpoch(epoch);
        double sum = 0;
        foreach (var batch in loader)
        {
            optimizer.zero_grad();
            var logits = model.forward(batch["data"]).squeeze(1);
            using var loss = nn.functional.binary_cross_entropy_with_logits(logits, batch["label"].to(ScalarType.Float32));
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
        }
        return sum / Math.Max(1, loader.Count);
    }
}
