// Scenario: the user keeps the epoch in an EpochState object built around the training loader (`var state = new EpochState(train)`, its constructor stores the loader in a field) and writes `state.Epoch = epoch` at the top of every pass; the property's set accessor in this file calls `_loader.SetEpoch(value)`. Correct: the overview reads `hooks.Epoch = epoch` as a call of the set accessor in view, and a method in view called on an object built around `train` that sets what its constructor was given sets `train`. Nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.HooksObjectEpochPropertySetter;

/// <summary>Where the run is: the epoch (which reshuffles the loader) and the best validation loss so far.</summary>
public sealed class EpochState
{
    private readonly EpochDataLoader _loader;
    private int _epoch;

    public EpochState(EpochDataLoader loader)
    {
        _loader = loader;
    }

    public int Epoch
    {
        get => _epoch;
        set
        {
            _epoch = value;
            _loader.SetEpoch(value);
        }
    }

    public double BestLoss { get; set; } = double.PositiveInfinity;
}

public static class TabularRegression
{
    public static void Fit(Module<Tensor, Tensor> model, InMemoryDataset trainSet, InMemoryDataset valSet, int epochs)
    {
        using var train = new EpochDataLoader(trainSet, batchSize: 256, shuffle: true, seed: 11);
        using var val = new EpochDataLoader(valSet, batchSize: 1024);
        var optimizer = optim.AdamW(model.parameters(), lr: 3e-4, weight_decay: 0.01);
        var state = new EpochState(train);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            state.Epoch = epoch;

            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.mse_loss(model.call(batch["features"]), batch["target"]);
                loss.backward();
                optimizer.step();
            }

            var valLoss = Evaluate(model, val);
            if (valLoss < state.BestLoss)
            {
                state.BestLoss = valLoss;
                Console.WriteLine($"epoch {state.Epoch}: new best {valLoss:F4}");
            }
        }
    }

    private static double Evaluate(Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        model.eval();
        using var noGrad = no_grad();
        double total = 0;
        long batches = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            total += functional.mse_loss(model.call(batch["features"]), batch["target"]).item<float>();
            batches++;
        }
        return batches == 0 ? 0 : total / batches;
    }
}
