// Scenario: a layered trainer: Fit's epoch loop calls TrainEpoch(), which calls RunPhase(_train), RunPhase calls RunBatches, RunBatches calls Accumulate, Accumulate calls Consume, Consume calls Forward, and Forward finally runs `foreach (var batch in loader)`. No loop, lambda or local function anywhere below Fit, and nothing sets the shuffling field's epoch. The page follows "such helpers calling one another, to any depth": the iteration of _train is the call TrainEpoch() in Fit's loop, so CMP002 on "the call itself when the method iterates a field" (the field reaches the chain as an argument of RunPhase).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam19.SixLayerTrainerChain;

public sealed class LayeredTrainer
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public LayeredTrainer(InMemoryDataset data)
    {
        _train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 5);
        _model = nn.Sequential(("fc1", nn.Linear(12, 32)), ("act", nn.Tanh()), ("fc2", nn.Linear(32, 2)));
        _optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var loss = TrainEpoch(); //! CMP002
            Console.WriteLine($"epoch {epoch}: {loss:F4}");
        }
    }

    private double TrainEpoch()
    {
        _model.train();
        return RunPhase(_train, "train");
    }

    private double RunPhase(EpochDataLoader loader, string phase)
    {
        Console.WriteLine($"[{phase}] {loader.Count} batches");
        return RunBatches(loader);
    }

    private double RunBatches(EpochDataLoader loader) => Accumulate(loader, gradientScale: 1.0);

    private double Accumulate(EpochDataLoader loader, double gradientScale)
    {
        var (sum, count) = Consume(loader);
        return gradientScale * sum / Math.Max(count, 1);
    }

    private (double Sum, long Count) Consume(EpochDataLoader loader)
    {
        var result = Forward(loader);
        if (result.Count == 0) Console.WriteLine("empty epoch");
        return result;
    }

    private (double Sum, long Count) Forward(EpochDataLoader loader)
    {
        double sum = 0;
        long count = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            _optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
            loss.backward();
            _optimizer.step();
            sum += loss.item<float>();
            count++;
        }
        return (sum, count);
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(2000, 12), ["y"] = randint(0, 2, new long[] { 2000 }) });
        new LayeredTrainer(data).Fit(epochs: 10);
    }
}
