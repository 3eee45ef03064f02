// Scenario: two loaders trained through an extension method loader.TrainEpoch(model, optimizer). The auxiliary loader's epoch is set before its call; the main loader (a BatchSampler over a RandomSampler) never is, so its extension call is flagged: a method in view iterates `L` "as its receiver (an extension method)", and CMP002 sits on that loader argument. The aux call is not flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.ExtensionTrainEpoch;

public static class LoaderTrainingExtensions
{
    public static double TrainEpoch(this EpochDataLoader loader, nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
    {
        model.train();
        double total = 0;
        var steps = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var logits = model.forward(batch["features"]);
            var loss = nn.functional.binary_cross_entropy_with_logits(logits, batch["target"]);
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
            steps++;
        }
        return steps == 0 ? double.NaN : total / steps;
    }
}

public static class Program
{
    public static void Main()
    {
        var clicks = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["features"] = randn(10_000, 16),
            ["target"] = randint(0, 2, new long[] { 10_000, 1 }).to_type(ScalarType.Float32),
        });
        var impressions = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["features"] = randn(2_000, 16),
            ["target"] = randint(0, 2, new long[] { 2_000, 1 }).to_type(ScalarType.Float32),
        });

        using var main = new EpochDataLoader(clicks,
            batchSampler: new BatchSampler(new RandomSampler(clicks.Count, seed: 2024), 512));
        using var aux = new EpochDataLoader(impressions, batchSize: 128, shuffle: true, seed: 2024);

        var model = nn.Sequential(("fc", nn.Linear(16, 32)), ("act", nn.SiLU()), ("head", nn.Linear(32, 1)));
        var optimizer = optim.Adam(model.parameters(), lr: 2e-3);

        for (int epoch = 0; epoch < 8; epoch++)
        {
            var mainLoss = main.TrainEpoch(model, optimizer); //! CMP002
            aux.SetEpoch(epoch);
            var auxLoss = aux.TrainEpoch(model, optimizer);
            Console.WriteLine($"epoch {epoch}: main {mainLoss:F4}, aux {auxLoss:F4}");
        }
    }
}
