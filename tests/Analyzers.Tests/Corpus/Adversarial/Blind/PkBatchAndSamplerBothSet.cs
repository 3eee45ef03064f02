// Scenario: metric learning with a class-balanced P×K batch sampler; the epoch hook sets the batch sampler's epoch through a pattern test and, out of habit, the (sequential) sampler's too; correct.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut2.Blind.PkBatchAndSamplerBothSet;

public sealed class ContrastiveReId
{
    private readonly nn.Module<Tensor, Tensor> _encoder;
    private readonly Device _device;

    public ContrastiveReId(nn.Module<Tensor, Tensor> encoder, Device device) => (_encoder, _device) = (encoder, device);

    public void Train(InMemoryDataset gallery, long[] identities, int epochs, double temperature = 0.07)
    {
        var pk = new ClassBalancedBatchSampler(identities, classesPerBatch: 16, samplesPerClass: 4, seed: 3,
            numReplicas: Dist.WorldSize, rank: Dist.Rank);
        using var loader = new EpochDataLoader(gallery, batchSampler: pk, device: _device, workers: 2);
        var optimizer = optim.AdamW(_encoder.parameters(), 3.5e-4, weight_decay: 5e-4);
        var warmup = optim.lr_scheduler.LinearLR(optimizer, 0.01, 1.0, total_iters: 5);
        if (Dist.Rank == 0) Console.WriteLine($"{loader.BatchSampler.Count} P×K batches per rank per epoch");

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader.BatchSampler is IEpochAware batches) batches.SetEpoch(epoch);
            if (loader.Sampler is IEpochAware indices) indices.SetEpoch(epoch);

            _encoder.train();
            double total = 0;
            int steps = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var z = nn.functional.normalize(_encoder.call(batch["image"]), dim: 1);
                var labels = batch["label"];
                var sim = z.matmul(z.t()) / temperature;
                var positives = labels.unsqueeze(0).eq(labels.unsqueeze(1)).to(ScalarType.Float32)
                    * (1 - eye(labels.shape[0], device: _device));
                var logProb = sim - sim.logsumexp(1, keepdim: true);
                var loss = -(logProb * positives).sum(1).div(positives.sum(1).clamp_min(1)).mean();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                steps++;
            }
            warmup.step();

            if (Dist.Rank == 0)
                Console.WriteLine($"epoch {epoch}: supcon {total / Math.Max(1, steps):F4} lr {optimizer.ParamGroups.First().LearningRate:E2}");
        }
    }
}
