// Scenario: a generic EpochDataLoader<T, TBatch> with shuffle: true is consumed through loader.Take(steps) every epoch and its epoch is never set: the same order each epoch (bug).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Typed.Steps.Buggy;

public sealed record TextBatch(Tensor Tokens, Tensor Labels);

public sealed class ReviewDataset(IReadOnlyList<(long[] Tokens, long Label)> reviews) : torch.utils.data.Dataset<(long[] Tokens, long Label)>
{
    public override long Count => reviews.Count;
    public override (long[] Tokens, long Label) GetTensor(long index) => reviews[(int)index];
}

public static class Sentiment
{
    const int MaxLength = 128;

    static TextBatch Collate(IReadOnlyList<(long[] Tokens, long Label)> rows, Device device)
    {
        var flat = rows.SelectMany(r => r.Tokens.Take(MaxLength).Concat(Enumerable.Repeat(0L, Math.Max(0, MaxLength - r.Tokens.Length)))).ToArray();
        return new TextBatch(tensor(flat, new long[] { rows.Count, MaxLength }).to(device), tensor(rows.Select(r => r.Label).ToArray()).to(device));
    }

    public static void Train(IReadOnlyList<(long[] Tokens, long Label)> reviews, int epochs, int stepsPerEpoch)
    {
        using var loader = new EpochDataLoader<(long[] Tokens, long Label), TextBatch>(new ReviewDataset(reviews), Collate, batchSize: 16, shuffle: true);

        var embedding = nn.EmbeddingBag(30000, 64);
        var head = nn.Linear(64, 2);
        var optimizer = optim.Adam(embedding.parameters().Concat(head.parameters()), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in loader.Take(stepsPerEpoch)) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(head.forward(embedding.forward(batch.Tokens, null, null)), batch.Labels);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
