// Scenario: epoch -> accumulation group (loader.Chunk) -> micro-batch nesting over a P×K batch sampler, with the epoch set on loader.BatchSampler through a cast before each pass: correct.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Retrieval.Training;

public sealed class AccumulatingPkTrainer(FashionMnist data, int accumSteps, int epochs)
{
    public void Fit()
    {
        long[] labels = data.Columns["label"].data<long>().ToArray();
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 99,
            numReplicas: Dist.WorldSize, rank: Dist.Rank);
        using var loader = new EpochDataLoader(data, batchSampler: pk, disposeBatches: false);

        var encoder = nn.Sequential(
            ("flat", nn.Flatten()),
            ("fc", nn.Linear(784, 256)),
            ("bn", nn.BatchNorm1d(256)),
            ("act", nn.ReLU()),
            ("proj", nn.Linear(256, 64)));
        var classifier = nn.Linear(64, 10);
        var parameters = encoder.parameters().Concat(classifier.parameters());
        var opt = optim.SGD(parameters, 0.01, momentum: 0.9, weight_decay: 5e-4);
        using var reducer = new GradientAllReducer(nn.ModuleList(encoder, classifier));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            ((IEpochAware)loader.BatchSampler).SetEpoch(epoch);
            foreach (var group in loader.Chunk(accumSteps))
            {
                opt.zero_grad();
                foreach (var micro in group)
                {
                    using var scope = NewDisposeScope();
                    var embedding = nn.functional.normalize(encoder.forward(micro["data"]), dim: 1);
                    var loss = nn.functional.cross_entropy(classifier.forward(embedding), micro["label"]) / group.Length;
                    loss.backward();
                    foreach (var t in micro.Values) t.Dispose();
                }
                reducer.AverageGradients();
                opt.step();
            }
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch} done ({loader.Count} P×K batches per rank)");
        }
    }
}
