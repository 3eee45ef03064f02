// Scenario: a top-level metric-learning program in #regions ports DataLoader(batchSize: 64, shuffle: true) to EpochDataLoader and adds a P×K batch sampler, keeping batchSize and shuffle; wrong: the loader throws at construction (CMP006 for each of the two arguments).
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

#region Settings
const int BatchSize = 64;
const int Epochs = 25;
const int ClassesPerBatch = 8;
#endregion

#region Data
var trainSet = new FashionMnist(train: true);
var labels = trainSet.Columns["label"].data<long>().ToArray();
var pk = new ClassBalancedBatchSampler(labels, ClassesPerBatch, BatchSize / ClassesPerBatch, seed: 0);
var train = new EpochDataLoader(trainSet, batchSize: BatchSize, shuffle: true, batchSampler: pk); //! CMP006 CMP006
#endregion

#region Model
var embed = Sequential(("flat", Flatten()), ("fc1", Linear(784, 256)), ("act", ReLU()), ("fc2", Linear(256, 32)));
var optimizer = optim.Adam(embed.parameters(), lr: 5e-4);
#endregion

#region Training
for (int epoch = 0; epoch < Epochs; epoch++)
{
    train.SetEpoch(epoch);
    embed.train();
    double total = 0;
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
        total += loss.ToSingle();
    }
    Console.WriteLine($"epoch {epoch}: {total / train.Count:F4}");
}
#endregion
