// Scenario: a manual enumerator loop over a P×K loader casts loader.BatchSampler to IEpochAware and sets its epoch on the first MoveNext of each epoch; wrong (set after the iteration started).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.BatchSamplerCastInsideMoveNext;

public static class ManualEnumeratorTraining
{
    public static void Fit(nn.Module<Tensor, Tensor> embedder, InMemoryDataset data, IReadOnlyList<long> labels, int epochs, int logEvery = 20)
    {
        var optimizer = optim.Adam(embedder.parameters(), lr: 3e-4);
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 21);
        using var loader = new EpochDataLoader(data, batchSampler: pk, prefetch: true);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var it = loader.GetEnumerator();
            long step = 0;
            while (it.MoveNext())
            {
                if (step == 0)
                    ((IEpochAware)loader.BatchSampler).SetEpoch(epoch); //! CMP005

                var batch = it.Current;
                optimizer.zero_grad();
                using var emb = nn.functional.normalize(embedder.forward(batch["x"]), dim: 1);
                using var sim = emb.matmul(emb.t());
                using var same = batch["y"].unsqueeze(1).eq(batch["y"].unsqueeze(0)).to_type(ScalarType.Float32);
                using var loss = nn.functional.binary_cross_entropy_with_logits(sim / 0.1, same);
                loss.backward();
                optimizer.step();

                if (++step % logEvery == 0)
                    Console.WriteLine($"epoch {epoch} step {step}: {loss.item<float>():F4}");
            }

            Console.WriteLine($"epoch {epoch}: {step} P×K batches");
        }
    }
}
