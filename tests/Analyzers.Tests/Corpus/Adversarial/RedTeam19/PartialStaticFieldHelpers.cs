// Scenario: a static training class split into two partial parts in one file: the first part holds the static shuffling loader s_train and a static helper DrainEpoch() that iterates it; the second part's Run loop calls DrainEpoch() and this-less Report(), and sets nothing. Both parts are in this file, so the field's creation and the helper are in view ("when its type is also declared in another file (partial)" does not apply); the static call iterates the field once per call ("when the call is on the same object or static"): CMP002 on the call DrainEpoch(). Report() iterates the non-shuffling s_eval and is not flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam19.PartialStaticFieldHelpers;

public static partial class Pipeline
{
    private static readonly InMemoryDataset s_data = new(new Dictionary<string, Tensor> { ["x"] = randn(900, 3), ["y"] = randn(900, 1) });
    private static readonly EpochDataLoader s_train = new(s_data, batchSize: 30, shuffle: true, seed: 77);
    private static readonly EpochDataLoader s_eval = new(s_data, batchSize: 300);
    private static readonly nn.Module<Tensor, Tensor> s_model = nn.Sequential(("fc", nn.Linear(3, 1)));
    private static readonly optim.Optimizer s_optimizer = optim.SGD(s_model.parameters(), 0.01);

    private static double DrainEpoch()
    {
        double sum = 0;
        foreach (var batch in s_train)
        {
            using var scope = NewDisposeScope();
            s_optimizer.zero_grad();
            var loss = nn.functional.mse_loss(s_model.forward(batch["x"]), batch["y"]);
            loss.backward();
            s_optimizer.step();
            sum += loss.item<float>();
        }
        return sum;
    }
}

public static partial class Pipeline
{
    public static void Run(int epochs)
    {
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var loss = DrainEpoch(); //! CMP002
            Report(epoch, loss);
        }
    }

    private static void Report(int epoch, double loss)
    {
        using var noGrad = no_grad();
        var mse = s_eval.Select(b => nn.functional.mse_loss(s_model.forward(b["x"]), b["y"]).item<float>()).Average();
        Console.WriteLine($"epoch {epoch}: train {loss:F3} eval {mse:F3}");
    }
}

public static class Program
{
    public static void Main() => Pipeline.Run(epochs: 5);
}
