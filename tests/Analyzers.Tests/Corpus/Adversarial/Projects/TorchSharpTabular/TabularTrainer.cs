using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharpTabular;

public sealed class TabularTrainer(DataLoader train, DataLoader eval, nn.Module<Tensor, Tensor> model)
{
    public IReadOnlyList<double> Fit(int epochs, double lr = 1e-3)
    {
        using var optimizer = optim.Adam(model.parameters(), lr);
        var history = new List<double>();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(train, epoch);
            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            history.Add(Evaluate());
        }
        return history;
    }

    private double Evaluate()
    {
        model.eval();
        using var noGrad = no_grad();
        double total = 0;
        long rows = 0;
        foreach (var batch in eval)
        {
            using var scope = NewDisposeScope();
            var error = nn.functional.mse_loss(model.call(batch["data"]), batch["label"], reduction: nn.Reduction.Sum);
            total += error.item<float>();
            rows += batch["label"].shape[0];
        }
        return total / Math.Max(1, rows);
    }
}
