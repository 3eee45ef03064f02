// Scenario: FixMatch-style semi-supervised loop zips a labelled loader with a larger unlabelled one (RandomSampler); only the labelled loader's epoch is set: a bug on the unlabelled argument of Zip.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wrappers.FixMatch;

public sealed record FixMatchOptions(int Epochs, int BatchSize, int Mu, double Threshold, int Seed);

public sealed class FixMatchTrainer(nn.Module<Tensor, Tensor> student, nn.Module<Tensor, Tensor> teacher)
{
    public void Fit(InMemoryDataset labelledSet, InMemoryDataset unlabelledSet, FixMatchOptions o)
    {
        using var labelled = new EpochDataLoader(labelledSet, batchSize: o.BatchSize, shuffle: true, seed: o.Seed, dropLast: true);
        using var unlabelled = new EpochDataLoader(unlabelledSet, batchSize: o.BatchSize * o.Mu,
            sampler: new RandomSampler(unlabelledSet.Count, seed: o.Seed + 1), dropLast: true);
        var optimizer = optim.SGD(student.parameters(), 0.03, momentum: 0.9, nesterov: true);

        for (int epoch = 0; epoch < o.Epochs; epoch++)
        {
            labelled.SetEpoch(epoch);
            student.train();
            try
            {
                foreach (var (x, u) in labelled.Zip(unlabelled)) //! CMP002
                {
                    using var scope = NewDisposeScope();
                    Tensor pseudo;
                    using (no_grad())
                    {
                        var probs = nn.functional.softmax(teacher.call(u["weak"]), 1);
                        var (conf, label) = probs.max(1);
                        pseudo = label.masked_fill(conf.lt(o.Threshold), -100);
                    }
                    var supervised = nn.functional.cross_entropy(student.call(x["data"]), x["label"]);
                    var consistency = nn.functional.cross_entropy(student.call(u["strong"]), pseudo, ignore_index: -100);
                    optimizer.zero_grad();
                    (supervised + consistency).backward();
                    optimizer.step();
                }
            }
            finally
            {
                student.eval();
            }
        }
    }
}
