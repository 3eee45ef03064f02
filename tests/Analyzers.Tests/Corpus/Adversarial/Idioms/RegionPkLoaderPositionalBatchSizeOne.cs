// Scenario: the same #region-structured metric-learning program written with positional arguments new EpochDataLoader(trainSet, 1, false, null, pk) and an evaluation loader with sampler: null and batchSampler: null; correct: nothing conflicts, and the epoch is set every pass.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

#region Settings
const int EpochCount = 25;
const int ClassesPerBatch = 8;
const int SamplesPerClass = 8;
#endregion

#region Data
var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);
var labels = trainSet.Columns["label"].data<long>().ToArray();
var pk = new ClassBalancedBatchSampler(labels, ClassesPerBatch, SamplesPerClass, seed: 0);
var train = new EpochDataLoader(trainSet, 1, false, null, pk);
var eval = new EpochDataLoader(testSet, batchSize: 512, shuffle: false, sampler: null, batchSampler: null, dropLast: false);
#endregion

#region Model
var embed = Sequential(("flat", Flatten()), ("fc1", Linear(784, 256)), ("act", ReLU()), ("fc2", Linear(256, 32)));
var optimizer = optim.Adam(embed.parameters(), lr: 5e-4);
#endregion

#region Training
for (int epoch = 0; epoch < EpochCount; epoch++)
{
    Epochs.SetEpoch(train, epoch);
    embed.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var z = functional.normalize(embed.call(batch["data"]), dim: 1);
        var y = batch["label"];
        var positive = y.unsqueeze(0).eq(y.unsqueeze(1)).to_type(ScalarType.Float32);
        var loss = functional.binary_cross_entropy_with_logits(z.matmul(z.t()) * 10, positive);
        loss.backward();
        optimizer.step();
    }

    embed.eval();
    using (no_grad())
    {
        var norms = eval.Select(b => functional.normalize(embed.call(b["data"]), dim: 1).norm().ToSingle()).ToList();
        Console.WriteLine($"epoch {epoch}: mean embedding norm {norms.Average():F3}");
    }
}
#endregion
