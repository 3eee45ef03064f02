// Scenario: A metric-learning loop evaluates gallery and query loaders built from BatchSampler over SequentialSampler and over DistributedSampler(shuffle: false) every epoch without setting their epochs; they are not epoch-dependent and the train loader's epoch is set (negative).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Retrieval.Eval;

public sealed class RecallAtOne(nn.Module<Tensor, Tensor> embedder)
{
    public void Fit(InMemoryDataset train, InMemoryDataset gallery, InMemoryDataset queries, int epochs)
    {
        long[] labels = train.Columns["label"].data<long>().ToArray();
        using var trainLoader = new EpochDataLoader(train, batchSampler: new ClassBalancedBatchSampler(labels, 12, 4, seed: 9));
        using var galleryLoader = new EpochDataLoader(gallery, batchSampler: new BatchSampler(new SequentialSampler(gallery.Count), 512));
        using var queryLoader = new EpochDataLoader(queries, batchSampler: new BatchSampler(new DistributedSampler(queries.Count, numReplicas: 1, rank: 0, shuffle: false), 256));
        var optimizer = optim.Adam(embedder.parameters(), lr: 1e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            trainLoader.SetEpoch(epoch);
            embedder.train();
            foreach (var batch in trainLoader)
            {
                using var scope = NewDisposeScope();
                var z = nn.functional.normalize(embedder.forward(batch["data"]), dim: 1);
                var y = batch["label"];
                var positives = y.unsqueeze(0).eq(y.unsqueeze(1)).to_type(ScalarType.Float32) - eye(y.shape[0]);
                var loss = nn.functional.binary_cross_entropy_with_logits(z.matmul(z.t()) * 10, positives);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }

            embedder.eval();
            using (no_grad())
            {
                var galleryEmbeddings = cat(galleryLoader.Select(b => nn.functional.normalize(embedder.forward(b["data"]), dim: 1)).ToList(), 0);
                var galleryLabels = cat(galleryLoader.Select(b => b["label"].clone()).ToList(), 0);
                long hits = 0, total = 0;
                foreach (var batch in queryLoader)
                {
                    var q = nn.functional.normalize(embedder.forward(batch["data"]), dim: 1);
                    var nearest = q.matmul(galleryEmbeddings.t()).argmax(1);
                    hits += galleryLabels[nearest].eq(batch["label"]).sum().item<long>();
                    total += batch["label"].shape[0];
                }
                Console.WriteLine($"epoch {epoch}: recall@1 {(double)hits / total:P2}");
            }
        }
    }
}
