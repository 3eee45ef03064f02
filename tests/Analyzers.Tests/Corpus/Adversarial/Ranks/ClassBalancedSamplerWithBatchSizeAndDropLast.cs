// Scenario: per-rank P×K loader passes a ClassBalancedBatchSampler together with batchSize: 32 and dropLast: true — both conflict with the batch sampler, wrong (CMP006 twice)
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Retrieval;

public static class ProductEmbeddingTraining
{
    public static void Train(InMemoryDataset products, nn.Module<Tensor, Tensor> encoder, int epochs)
    {
        int rank = Dist.Rank;
        long[] labels = products.Columns["label"].data<long>().ToArray();

        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 17,
            numReplicas: Dist.WorldSize, rank: rank);
        using var loader = new EpochDataLoader(products, batchSize: 32, batchSampler: pk, dropLast: true); //! CMP006 CMP006

        using var reducer = new GradientAllReducer(encoder);
        reducer.BroadcastParameters();
        var opt = optim.Adam(encoder.parameters(), lr: 1e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            loader.SetEpoch(epoch);
            double total = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                var z = nn.functional.normalize(encoder.forward(batch["data"]), dim: 1);
                var y = batch["label"];
                // supervised contrastive-style loss: pull same-label pairs together
                var sim = z.matmul(z.t()) / 0.1;
                var same = y.unsqueeze(0).eq(y.unsqueeze(1)).to(float32) - eye(y.shape[0]);
                var logProb = sim - sim.logsumexp(1, keepdim: true);
                var loss = -(same * logProb).sum(1).div(same.sum(1).clamp_min(1)).mean();
                loss.backward();
                reducer.AverageGradients();
                opt.step();
                total += loss.item<float>();
            }
            if (rank == 0) Console.WriteLine($"epoch {epoch}: loss {total / loader.Count:F4}");
        }
    }
}
