// Scenario: an expression-bodied local function sums a LINQ aggregate over the shuffling loader and is called once per epoch; nobody sets the epoch (bug: CMP002 on the LINQ call inside the local function).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002ExpressionBodiedLocalFunctionLinq;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(640, 4),
            ["label"] = randn(640, 1),
        });
        var model = nn.Linear(4, 1);
        var opt = optim.SGD(model.parameters(), learningRate: 0.01);
        var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 8);

        double RunEpoch() => train.Sum(batch => Step(batch)); //! CMP002

        double Step(Dictionary<string, Tensor> batch)
        {
            opt.zero_grad();
            using var loss = nn.functional.mse_loss(model.call(batch["data"]), batch["label"]);
            loss.backward();
            opt.step();
            return loss.item<float>();
        }

        for (int epoch = 0; epoch < 20; epoch++)
            Console.WriteLine($"epoch {epoch}: mse {RunEpoch() / train.Count:F5}");
    }
}
