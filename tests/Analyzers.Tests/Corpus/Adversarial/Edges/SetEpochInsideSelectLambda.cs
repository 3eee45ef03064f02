// Scenario: the epoch body is `train.Select((batch, i) => { if (i == 0) train.SetEpoch(epoch); … }).ToList()`, so the epoch is set after the enumeration has already started; wrong (one epoch late).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.SetEpochInsideSelectLambda;

public sealed class FunctionalTrainer
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public FunctionalTrainer(nn.Module<Tensor, Tensor> model)
    {
        _model = model;
        _optimizer = optim.RMSProp(model.parameters(), lr: 1e-3);
    }

    public List<double> Fit(InMemoryDataset data, int epochs)
    {
        using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 404);
        var epochLosses = new List<double>();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var losses = train
                .Select((batch, i) =>
                {
                    if (i == 0) train.SetEpoch(epoch); //! CMP005
                    return Step(batch);
                })
                .ToList();

            epochLosses.Add(losses.Average());
            Console.WriteLine($"epoch {epoch}: {losses.Count} batches, mean loss {losses.Average():F4}");
        }
        return epochLosses;
    }

    private double Step(Dictionary<string, Tensor> batch)
    {
        _optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
        loss.backward();
        _optimizer.step();
        return loss.item<float>();
    }
}
