// Scenario: data-parallel training with a P×K batch sampler over a rank shard; the loop calls Epochs.SetEpoch(loader, epoch) before iterating and evaluates with an unshuffled loader. Right (no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.CorrectDdpEpochsSetEpoch;

public static class PkDdpTraining
{
    public static void Run(nn.Module<Tensor, Tensor> embedder, InMemoryDataset train, InMemoryDataset gallery,
                           IReadOnlyList<long> labels, int world, int rank, int epochs)
    {
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 32, samplesPerClass: 4, seed: 9, numReplicas: world, rank: rank);
        using var loader = new EpochDataLoader(train, batchSampler: pk, workers: 2);
        using var eval = new EpochDataLoader(gallery, batchSize: 512,
            sampler: new DistributedSampler(gallery.Count, numReplicas: world, rank: rank, shuffle: false));
        var optimizer = optim.AdamW(embedder.parameters(), 3e-4, weight_decay: 0.05);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(loader, epoch);
            embedder.train();
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var z = nn.functional.normalize(embedder.forward(batch["image"]), p: 2, dim: 1);
                using var logits = z.matmul(z.t()) / 0.07;
                using var same = batch["label"].unsqueeze(0).eq(batch["label"].unsqueeze(1)).to_type(ScalarType.Float32);
                using var loss = -(logits.log_softmax(1) * same / same.sum(1, keepdim: true)).sum(1).mean();
                loss.backward();
                optimizer.step();
            }

            embedder.eval();
            using (no_grad())
            {
                double norm = 0;
                foreach (var batch in eval) norm += embedder.forward(batch["image"]).norm().item<float>();
                if (rank == 0) Console.WriteLine($"epoch {epoch}: gallery norm {norm:F2}");
            }
        }
    }
}
