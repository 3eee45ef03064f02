// Scenario: before resuming, a sanity check sets the checkpoint's epoch on train and validation loaders through a loop over both (a loop iterating no loader, in no epoch loop) and makes one single pass over the first batches: correct, no diagnostics.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Resume.Checks;

public static class ResumeSanityCheck
{
    public static IReadOnlyDictionary<string, double> Run(FashionMnist trainSet, FashionMnist valSet, string checkpointDir)
    {
        int resumeEpoch = int.Parse(File.ReadAllText(Path.Combine(checkpointDir, "epoch.txt")));
        var train = new EpochDataLoader(trainSet, 128, sampler: new DistributedSampler(trainSet.Count, Dist.WorldSize, Dist.Rank, seed: 5));
        var val = new EpochDataLoader(valSet, 512, sampler: new DistributedSampler(valSet.Count, Dist.WorldSize, Dist.Rank, shuffle: false));

        foreach (var loader in new[] { train, val })
            loader.SetEpoch(resumeEpoch);

        var model = nn.Sequential(("flat", nn.Flatten()), ("fc1", nn.Linear(784, 256)), ("act", nn.ReLU()), ("fc2", nn.Linear(256, 10)));
        model.load(Path.Combine(checkpointDir, "model.bin"));
        model.eval();

        var sums = new Dictionary<string, double> { ["loss"] = 0, ["accuracy"] = 0 };
        int seen = 0;
        using (no_grad())
        {
            foreach (var batch in train.Take(20))
            {
                using var scope = NewDisposeScope();
                var logits = model.forward(batch["data"]);
                sums["loss"] += nn.functional.cross_entropy(logits, batch["label"]).item<float>();
                sums["accuracy"] += logits.argmax(1).eq(batch["label"]).to_type(ScalarType.Float32).mean().item<float>();
                seen++;
            }
        }

        foreach (var key in sums.Keys.ToList())
        {
            var t = tensor(sums[key] / seen);
            Dist.AllReduce(t);
            sums[key] = t.item<double>() / Dist.WorldSize;
        }
        return sums;
    }
}
