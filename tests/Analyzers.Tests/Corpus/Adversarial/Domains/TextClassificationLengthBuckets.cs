// Scenario: a news-topic classifier that batches articles of similar token length with a home-grown bucketing batch sampler (epoch-aware, reshuffles buckets from seed + epoch); the loop reshuffles with the Composer idiom `if (train.Sampler is IEpochAware s) s.SetEpoch(epoch)`, but a loader given a batch sampler has a plain SequentialSampler there, so nothing is reshuffled (wrong: CMP001 at that call).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Domains.TextClassificationLengthBuckets;

/// <summary>Groups indices of similar token length into batches; the batch order and the
/// membership inside each bucket are reshuffled from (seed, epoch).</summary>
public sealed class TextBucketBatchSampler : IBatchSampler, IEpochAware
{
    private readonly int[] _lengths;
    private readonly int _batchSize;
    private readonly int _bucketWidth;
    private readonly int _seed;
    private int _epoch;

    public TextBucketBatchSampler(int[] lengths, int batchSize, int bucketWidth = 16, int seed = 0)
    {
        _lengths = lengths;
        _batchSize = batchSize;
        _bucketWidth = bucketWidth;
        _seed = seed;
    }

    public long Count => _lengths.GroupBy(l => l / _bucketWidth).Sum(g => (g.Count() + _batchSize - 1) / _batchSize);

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long[]> GetEnumerator()
    {
        var rng = new Random(unchecked(_seed * 7919 + _epoch));
        var batches = new List<long[]>();
        foreach (var bucket in Enumerable.Range(0, _lengths.Length).GroupBy(i => _lengths[i] / _bucketWidth))
        {
            var members = bucket.Select(i => (long)i).ToArray();
            rng.Shuffle(members);
            batches.AddRange(members.Chunk(_batchSize));
        }
        var order = batches.ToArray();
        rng.Shuffle(order);
        return ((IEnumerable<long[]>)order).GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class NewsTopicTraining
{
    public static void Run(InMemoryDataset train, int[] tokenLengths, InMemoryDataset test, int numClasses, int epochs)
    {
        var buckets = new TextBucketBatchSampler(tokenLengths, batchSize: 64, bucketWidth: 8, seed: 2024);
        using var trainLoader = new EpochDataLoader(train, batchSampler: buckets);
        using var testLoader = new EpochDataLoader(test, batchSize: 256);

        var model = new NewsTopicBagOfEmbeddings(vocab: 50_000, dim: 128, numClasses);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (trainLoader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); //! CMP001

            model.train();
            foreach (var batch in trainLoader)
            {
                using var scope = torch.NewDisposeScope();
                var logits = model.call(batch["tokens"]);
                var loss = nn.functional.cross_entropy(logits, batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }

            Console.WriteLine($"epoch {epoch}: test accuracy {Accuracy(model, testLoader):P2}");
        }
    }

    private static double Accuracy(NewsTopicBagOfEmbeddings model, EpochDataLoader loader)
    {
        model.eval();
        using var noGrad = torch.no_grad();
        long correct = 0, seen = 0;
        foreach (var batch in loader)
        {
            using var scope = torch.NewDisposeScope();
            var predicted = model.call(batch["tokens"]).argmax(1);
            correct += predicted.eq(batch["label"]).sum().item<long>();
            seen += batch["label"].shape[0];
        }
        return (double)correct / Math.Max(seen, 1);
    }
}

public sealed class NewsTopicBagOfEmbeddings : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Embedding _embed;
    private readonly TorchSharp.Modules.Linear _classify;

    public NewsTopicBagOfEmbeddings(long vocab, long dim, long numClasses) : base(nameof(NewsTopicBagOfEmbeddings))
    {
        _embed = nn.Embedding(vocab, dim, padding_idx: 0);
        _classify = nn.Linear(dim, numClasses);
        RegisterComponents();
    }

    // tokens: [batch, maxLen] padded with 0; mean over the non-padding positions.
    public override Tensor forward(Tensor tokens)
    {
        var mask = tokens.ne(0).unsqueeze(-1).to_type(ScalarType.Float32);
        var summed = (_embed.call(tokens) * mask).sum(1);
        return _classify.call(summed / mask.sum(1).clamp_min(1));
    }
}
