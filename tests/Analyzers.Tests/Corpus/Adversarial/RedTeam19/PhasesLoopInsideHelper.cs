// Scenario: PyTorch's tutorial phases loop moved into a helper: RunEpoch(model, train, val) runs `foreach (var phase in new[] { "train", "val" })` and iterates `train` or `val` inside it; the epoch loop calls RunEpoch and never sets the shuffling train loader's epoch (a real bug). By the pages this is not followed: a helper's iteration counts at its call only "outside every loop and every lambda and local function of its own", and CMP002 lists "in a method in view only inside a loop, a lambda or a local function of that method" among the iterations not followed. Inside RunEpoch, `train` is an EpochDataLoader parameter ("a loader whose creation is not in view and whose type says nothing"). No diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam19.PhasesLoopInsideHelper;

public static class Program
{
    public static void Main()
    {
        var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1600, 9), ["y"] = randint(0, 2, new long[] { 1600 }) });
        var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(400, 9), ["y"] = randint(0, 2, new long[] { 400 }) });
        using var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 0);
        using var val = new EpochDataLoader(valSet, batchSize: 200);
        var model = nn.Sequential(("fc1", nn.Linear(9, 18)), ("act", nn.ReLU()), ("fc2", nn.Linear(18, 2)));
        var optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.9);

        for (int epoch = 0; epoch < 25; epoch++)
        {
            var (trainLoss, valLoss) = RunEpoch(model, optimizer, train, val);
            Console.WriteLine($"Epoch {epoch}/{24}  train {trainLoss:F4}  val {valLoss:F4}");
        }
    }

    static (double Train, double Val) RunEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, EpochDataLoader train, EpochDataLoader val)
    {
        double trainLoss = 0, valLoss = 0;
        foreach (var phase in new[] { "train", "val" })
        {
            if (phase == "train")
            {
                model.train();
                foreach (var batch in train)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                    loss.backward();
                    optimizer.step();
                    trainLoss += loss.item<float>();
                }
            }
            else
            {
                model.eval();
                using var noGrad = no_grad();
                foreach (var batch in val)
                {
                    using var scope = NewDisposeScope();
                    valLoss += nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).item<float>();
                }
            }
        }
        return (trainLoss, valLoss);
    }
}
