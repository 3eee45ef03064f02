// Scenario: PyTorch-tutorial shape `for epoch: train.SetEpoch(epoch); foreach (phase in ["train", "val"]) { ... foreach (batch in train or val) }`: the phases loop is no epoch loop, the loop around it is; right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002PhasesLoopInsideEpochLoop;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(800, 6), ["label"] = randint(0, 2, 800) });
        using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 3);
        using var val = new EpochDataLoader(data, batchSize: 200);
        var model = nn.Linear(6, 2);
        var opt = optim.SGD(model.parameters(), learningRate: 0.01, momentum: 0.9);
        string[] phases = ["train", "val"];

        for (int epoch = 0; epoch < 25; epoch++)
        {
            train.SetEpoch(epoch);
            foreach (var phase in phases)
            {
                bool training = phase == "train";
                model.train(training);
                double running = 0;
                if (training)
                {
                    foreach (var batch in train)
                    {
                        opt.zero_grad();
                        using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                        loss.backward();
                        opt.step();
                        running += loss.item<float>();
                    }
                }
                else
                {
                    using var _ = no_grad();
                    foreach (var batch in val)
                        running += nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]).item<float>();
                }
                Console.WriteLine($"{phase} loss: {running:F4}");
            }
        }
    }
}
