// Scenario: prototypical-network training on N-way episodes from a ClassBalancedBatchSampler; the epoch is set on loader.Sampler (a SequentialSampler when a batch sampler is given), never on the batch sampler — wrong (CMP001)
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Lab.FewShot;

public static class ProtoNet
{
    const int NWay = 5, KShot = 5, NQuery = 10;

    public static void Main()
    {
        Reproducibility.SeedAll(4);
        using var train = new FashionMnist(train: true);
        long[] labels = train.Columns["label"].data<long>().ToArray();

        var episodes = new ClassBalancedBatchSampler(labels, classesPerBatch: NWay, samplesPerClass: KShot + NQuery, seed: 4);
        var loader = new EpochDataLoader(train, batchSampler: episodes);

        var encoder = Sequential(
            ("c1", Conv2d(1, 64, 3, padding: 1)), ("b1", BatchNorm2d(64)), ("r1", ReLU()), ("p1", MaxPool2d(2)),
            ("c2", Conv2d(64, 64, 3, padding: 1)), ("b2", BatchNorm2d(64)), ("r2", ReLU()), ("p2", MaxPool2d(2)),
            ("flat", Flatten()));
        var opt = optim.Adam(encoder.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < 50; epoch++)
        {
            // new episodes every epoch
            if (loader.Sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001

            encoder.train();
            double accSum = 0; int episodesSeen = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var (loss, acc) = EpisodeLoss(encoder, batch["data"], batch["label"]);
                opt.zero_grad();
                loss.backward();
                opt.step();
                accSum += acc; episodesSeen++;
            }
            Console.WriteLine($"epoch {epoch}: episode acc {accSum / episodesSeen:P1}");
        }
        encoder.save("protonet_fmnist.bin");
    }

    // batch holds NWay classes × (KShot + NQuery) samples, grouped by class
    static (Tensor loss, double acc) EpisodeLoss(Module<Tensor, Tensor> encoder, Tensor images, Tensor labels)
    {
        var emb = encoder.forward(images).view(NWay, KShot + NQuery, -1);
        var support = emb[.., ..KShot];
        var query = emb[.., KShot..].reshape(NWay * NQuery, -1);
        var prototypes = support.mean(new long[] { 1 });
        var logits = -cdist(query, prototypes).pow(2);
        var target = arange(NWay).repeat_interleave(NQuery);
        var loss = functional.cross_entropy(logits, target);
        double acc = logits.argmax(1).eq(target).to_type(ScalarType.Float32).mean().item<float>();
        return (loss, acc);
    }
}
