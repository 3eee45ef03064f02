// Scenario: a trainer writes its batch loop as a LINQ query over a shuffling EpochDataLoader, inside the epoch loop, and never sets the epoch. Wrong: `from b in loader where …` is loader.Where(…), an iteration (CMP002 on the query).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.QuerySyntaxEpochLoss;

public sealed class RegressionTrainer
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public RegressionTrainer(nn.Module<Tensor, Tensor> model)
    {
        _model = model;
        _optimizer = optim.Adam(model.parameters(), 1e-3);
    }

    private double Step(Dictionary<string, Tensor> batch)
    {
        _optimizer.zero_grad();
        using var prediction = _model.forward(batch["features"]);
        using var loss = nn.functional.smooth_l1_loss(prediction, batch["target"]);
        loss.backward();
        _optimizer.step();
        return loss.item<float>();
    }

    public void Fit(InMemoryDataset data, int epochs)
    {
        using var loader = new EpochDataLoader(data, batchSize: 256, shuffle: true, seed: 5);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _model.train();
            var losses = from batch in loader where batch["target"].numel() > 0 select Step(batch); //! CMP002
            double sum = 0;
            int n = 0;
            foreach (var loss in losses)
            {
                sum += loss;
                n++;
            }
            Console.WriteLine($"epoch {epoch}: mean loss {(n > 0 ? sum / n : 0):F5} over {n} batches");
        }
    }
}
