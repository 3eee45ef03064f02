// Scenario: metric learning with batch-hard triplet loss on P×K batches; the epoch is set on the ClassBalancedBatchSampler variable the loader was built from, and a fixed-episode evaluation runs once after training — right
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Lab.Metric;

public static class BatchHardTriplet
{
    public static void Main()
    {
        const int P = 8, K = 4, epochs = 40;
        const double margin = 0.3;
        Reproducibility.SeedAll(10);

        using var trainSet = new FashionMnist(train: true);
        using var testSet = new FashionMnist(train: false);
        long[] trainLabels = trainSet.Columns["label"].data<long>().ToArray();
        long[] testLabels = testSet.Columns["label"].data<long>().ToArray();

        var pk = new ClassBalancedBatchSampler(trainLabels, classesPerBatch: P, samplesPerClass: K, seed: 10);
        var train = new EpochDataLoader(trainSet, batchSampler: pk);

        var embed = Sequential(("flat", Flatten()), ("fc1", Linear(784, 512)), ("relu", ReLU()), ("fc2", Linear(512, 64)));
        var opt = optim.Adam(embed.parameters(), lr: 3e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            pk.SetEpoch(epoch);
            embed.train();
            double sum = 0; int n = 0;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var z = functional.normalize(embed.forward(batch["data"]), p: 2, dim: 1);
                var loss = BatchHard(z, batch["label"], margin);
                opt.zero_grad();
                loss.backward();
                opt.step();
                sum += loss.item<float>(); n++;
            }
            Console.WriteLine($"epoch {epoch}: triplet {sum / n:F4}");
        }

        // one fixed set of evaluation episodes (seed 0, epoch 0) so numbers are comparable between runs
        var evalEpisodes = new EpochDataLoader(testSet,
            batchSampler: new ClassBalancedBatchSampler(testLabels, classesPerBatch: 10, samplesPerClass: 20, seed: 0));
        embed.eval();
        double recallSum = 0; int episodes = 0;
        using (no_grad())
        {
            foreach (var batch in evalEpisodes)
            {
                var z = functional.normalize(embed.forward(batch["data"]), p: 2, dim: 1);
                var d = cdist(z, z) + eye(z.shape[0]) * 1e9; // exclude self-matches
                var nn1 = d.argmin(1);
                recallSum += batch["label"][nn1].eq(batch["label"]).to_type(ScalarType.Float32).mean().item<float>();
                episodes++;
            }
        }
        Console.WriteLine($"recall@1 over {episodes} eval episodes: {recallSum / episodes:P2}");
    }

    static Tensor BatchHard(Tensor z, Tensor labels, double margin)
    {
        var dist = cdist(z, z);
        var same = labels.unsqueeze(0).eq(labels.unsqueeze(1));
        var hardestPos = dist.masked_fill(same.logical_not(), 0).amax(new long[] { 1 });
        var hardestNeg = dist.masked_fill(same, double.PositiveInfinity).amin(new long[] { 1 });
        return functional.relu(hardestPos - hardestNeg + margin).mean();
    }
}
