// Scenario: a three-epoch smoke test calls a shared TrainOneEpoch helper with a loader built on a seeded RandomSampler and never sets the epoch, so every epoch replays epoch 0's order (wrong)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Checks.Smoke;

[AttributeUsage(AttributeTargets.Method)]
file sealed class FactAttribute : Attribute { }

public sealed class TrainingSmokeTests
{
    // Two gaussian blobs, easy enough that three epochs must bring the loss down.
    private static InMemoryDataset Blobs(int n)
    {
        var labels = randint(0, 2, new long[] { n }, dtype: ScalarType.Int64);
        var centres = labels.to_type(ScalarType.Float32).unsqueeze(1) * 4.0f - 2.0f;
        var points = randn(n, 2) + centres;
        return new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = points, ["label"] = labels });
    }

    private static double TrainOneEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, EpochDataLoader loader)
    {
        model.train();
        using var criterion = nn.CrossEntropyLoss();
        double total = 0;
        int steps = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = criterion.forward(model.forward(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
            steps++;
        }
        return total / Math.Max(steps, 1);
    }

    [Fact]
    public void Loss_goes_down_over_three_epochs()
    {
        manual_seed(0);
        using var data = Blobs(512);
        using var train = new EpochDataLoader(data, batchSize: 32, sampler: new RandomSampler(data.Count, seed: 5));
        var model = nn.Sequential(("fc1", nn.Linear(2, 16)), ("act", nn.ReLU()), ("fc2", nn.Linear(16, 2)));
        var optimizer = optim.SGD(model.parameters(), 0.1);

        var losses = new List<double>();
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var loss = TrainOneEpoch(model, optimizer, train); //! CMP002
            Console.WriteLine($"epoch {epoch}: loss {loss:F4}");
            losses.Add(loss);
        }

        if (!(losses[^1] < losses[0]))
            throw new InvalidOperationException($"loss did not go down: {string.Join(", ", losses)}");
    }
}
