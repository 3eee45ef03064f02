// Scenario: the epoch body is written as LINQ query syntax, `(from batch in train select TrainStep(batch)).ToList()`, over a shuffling loader whose epoch is never set; wrong.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.LinqQueryEpochLoss;

public sealed class QueryStyleTrainer
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public QueryStyleTrainer(nn.Module<Tensor, Tensor> model)
    {
        _model = model;
        _optimizer = optim.Adam(model.parameters(), lr: 1e-3);
    }

    public IReadOnlyList<(double Train, double Eval)> Fit(InMemoryDataset trainData, InMemoryDataset evalData, int epochs)
    {
        using var train = new EpochDataLoader(trainData, batchSize: 64, shuffle: true, seed: 99);
        using var eval = new EpochDataLoader(evalData, batchSize: 256);
        var history = new List<(double, double)>();

        foreach (var epoch in Enumerable.Range(0, epochs))
        {
            var losses = (from batch in train select TrainStep(batch)).ToList(); //! CMP002

            double evalLoss;
            using (no_grad())
                evalLoss = (from batch in eval select EvalStep(batch)).Average();

            history.Add((losses.Average(), evalLoss));
            Console.WriteLine($"epoch {epoch}: train {losses.Average():F4} eval {evalLoss:F4}");
        }
        return history;
    }

    private double TrainStep(Dictionary<string, Tensor> batch)
    {
        _optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
        loss.backward();
        _optimizer.step();
        return loss.item<float>();
    }

    private double EvalStep(Dictionary<string, Tensor> batch)
    {
        using var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
        return loss.item<float>();
    }
}
