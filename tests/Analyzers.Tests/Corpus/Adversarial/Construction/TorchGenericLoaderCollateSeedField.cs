// Scenario: A sentiment classifier feeds TorchSharp's generic DataLoader<Review, ReviewBatch> with a collate function, shuffle: true and seed: _seed (a readonly field), so every epoch gets the same order (bug: CMP003).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sentiment;

public sealed record Review(long[] Tokens, long Label);

public sealed record ReviewBatch(Tensor Tokens, Tensor Offsets, Tensor Labels);

public sealed class ReviewDataset(IReadOnlyList<Review> reviews) : torch.utils.data.Dataset<Review>
{
    public override long Count => reviews.Count;
    public override Review GetTensor(long index) => reviews[(int)index];
}

public sealed class BagOfEmbeddingsClassifier : IDisposable
{
    readonly int _seed;
    readonly EmbeddingBag _embedding = nn.EmbeddingBag(30_000, 64, mode: EmbeddingBagMode.Mean);
    readonly Linear _head = nn.Linear(64, 2);
    readonly DataLoader<Review, ReviewBatch> _train;

    public BagOfEmbeddingsClassifier(IReadOnlyList<Review> reviews, int seed)
    {
        _seed = seed;
        _train = new DataLoader<Review, ReviewBatch>(new ReviewDataset(reviews), 32, Collate, shuffle: true, seed: _seed); //! CMP003
    }

    static ReviewBatch Collate(IEnumerable<Review> reviews, Device device)
    {
        var list = reviews.ToList();
        var offsets = new long[list.Count];
        for (int i = 1; i < list.Count; i++) offsets[i] = offsets[i - 1] + list[i - 1].Tokens.Length;
        return new ReviewBatch(
            tensor(list.SelectMany(r => r.Tokens).ToArray()).to(device),
            tensor(offsets).to(device),
            tensor(list.Select(r => r.Label).ToArray()).to(device));
    }

    public void Train(int epochs)
    {
        var parameters = _embedding.parameters().Concat(_head.parameters());
        var optimizer = optim.Adam(parameters, lr: 5e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            long correct = 0, seen = 0;
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var logits = _head.forward(_embedding.forward(batch.Tokens, batch.Offsets, null));
                var loss = nn.functional.cross_entropy(logits, batch.Labels);
                loss.backward();
                optimizer.step();
                correct += logits.argmax(1).eq(batch.Labels).sum().item<long>();
                seen += batch.Labels.shape[0];
            }
            Console.WriteLine($"epoch {epoch}: train accuracy {(double)correct / seen:P1}");
        }
    }

    public void Dispose()
    {
        _train.Dispose();
        _embedding.Dispose();
        _head.Dispose();
    }
}
