// Scenario: a three-epoch smoke run sets the shuffling train loader's epoch every epoch and also reads two validation loaders every epoch without setting theirs: one with no shuffle, one on a DistributedSampler with shuffle: false; neither order depends on the epoch (right)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Checks.Smoke;

[AttributeUsage(AttributeTargets.Method)]
file sealed class FactAttribute : Attribute { }

public sealed class ValidationSmokeTests
{
    private static InMemoryDataset Spirals(int n, int seed)
    {
        var gen = new Generator((ulong)seed);
        var labels = randint(0, 3, new long[] { n }, generator: gen, dtype: ScalarType.Int64);
        var radius = rand(n, generator: gen);
        var angle = labels.to_type(ScalarType.Float32) * (2 * Math.PI / 3) + radius * 4 + randn(n, generator: gen) * 0.2;
        var points = stack(new[] { radius * cos(angle), radius * sin(angle) }, 1);
        return new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = points, ["label"] = labels });
    }

    private static double Accuracy(nn.Module<Tensor, Tensor> model, IEnumerable<Dictionary<string, Tensor>> batches)
    {
        long correct = 0, total = 0;
        foreach (var batch in batches)
        {
            using var scope = NewDisposeScope();
            var predicted = model.forward(batch["data"]).argmax(1);
            correct += predicted.eq(batch["label"]).sum().item<long>();
            total += batch["label"].shape[0];
        }
        return (double)correct / total;
    }

    [Fact]
    public void Three_epochs_train_and_validate()
    {
        manual_seed(3);
        using var trainSet = Spirals(1500, seed: 1);
        using var valSet = Spirals(300, seed: 2);
        using var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 10);
        using var val = new EpochDataLoader(valSet, batchSize: 256);
        using var valShard = new EpochDataLoader(valSet, batchSize: 256,
            sampler: new DistributedSampler(valSet.Count, numReplicas: 1, rank: 0, shuffle: false));

        var model = nn.Sequential(("l1", nn.Linear(2, 64)), ("a1", nn.Tanh()), ("l2", nn.Linear(64, 3)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-2);
        using var criterion = nn.CrossEntropyLoss();

        double accuracy = 0;
        for (int epoch = 0; epoch < 3; epoch++)
        {
            train.SetEpoch(epoch);
            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                criterion.forward(model.forward(batch["data"]), batch["label"]).backward();
                optimizer.step();
            }

            model.eval();
            using (no_grad())
            {
                accuracy = 0;
                foreach (var batch in val)
                {
                    var predicted = model.forward(batch["data"]).argmax(1);
                    accuracy += predicted.eq(batch["label"]).sum().item<long>();
                }
                accuracy /= valSet.Count;
                double sharded = Accuracy(model, valShard);
                Console.WriteLine($"epoch {epoch}: val {accuracy:P1} (sharded {sharded:P1})");
            }
        }

        if (accuracy < 0.5) throw new InvalidOperationException($"accuracy {accuracy:P1} after 3 epochs");
    }
}
