// Scenario: an overfit-one-batch sanity check takes loader.First() once from a shuffling EpochDataLoader and trains 300 steps on that batch; the step loop iterates no loader, so it is not an epoch loop (right)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Checks.Sanity;

[AttributeUsage(AttributeTargets.Method)]
file sealed class FactAttribute : Attribute { }

public sealed class OverfitOneBatchTests
{
    private sealed class SmallCnn : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> _features;
        private readonly nn.Module<Tensor, Tensor> _head;

        public SmallCnn() : base(nameof(SmallCnn))
        {
            _features = nn.Sequential(
                ("conv1", nn.Conv2d(1, 8, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
                ("conv2", nn.Conv2d(8, 16, 3, padding: 1)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)));
            _head = nn.Linear(16 * 7 * 7, 10);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) => _head.forward(_features.forward(x).flatten(1));
    }

    [Fact]
    public void Model_can_memorise_one_batch()
    {
        manual_seed(0);
        using var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(512, 1, 28, 28),
            ["label"] = randint(0, 10, new long[] { 512 }, dtype: ScalarType.Int64),
        });
        using var loader = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 5);

        var batch = loader.First();
        using var x = batch["data"].clone();
        using var y = batch["label"].clone();

        var model = new SmallCnn();
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        using var criterion = nn.CrossEntropyLoss();

        double loss = double.NaN;
        for (int step = 0; step < 300; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var output = criterion.forward(model.forward(x), y);
            output.backward();
            optimizer.step();
            loss = output.item<float>();
            if (loss < 1e-3) break;
        }

        if (loss > 0.05)
            throw new InvalidOperationException($"could not overfit a single batch: loss {loss:F4} after 300 steps");
    }
}
