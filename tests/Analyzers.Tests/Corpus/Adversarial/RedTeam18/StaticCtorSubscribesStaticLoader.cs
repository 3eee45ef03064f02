// Scenario: a static training program keeps its shuffled loader in a static field and subscribes Train.SetEpoch to its static EpochStarting event in the static constructor; Fit raises the event before every epoch — correct, no finding (the page counts a setter handed on "in any constructor or method of its type"; a static constructor is one)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam18.StaticCtorSubscribesStaticLoader;

public static class MnistProgram
{
    private static readonly InMemoryDataset Data = new(new Dictionary<string, Tensor>
    {
        ["data"] = torch.randn(6000, 784),
        ["label"] = torch.randint(0, 10, 6000, dtype: ScalarType.Int64),
    });

    private static readonly EpochDataLoader Train;
    private static readonly nn.Module<Tensor, Tensor> Model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10));

    public static event Action<int>? EpochStarting;

    static MnistProgram()
    {
        Train = new EpochDataLoader(Data, batchSize: 64, shuffle: true, seed: 2024);
        EpochStarting += Train.SetEpoch;
        EpochStarting += epoch => Console.WriteLine($"[mnist] epoch {epoch}");
    }

    public static void Fit(int epochs)
    {
        using var optimizer = optim.SGD(Model.parameters(), learningRate: 0.05, momentum: 0.9);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarting?.Invoke(epoch);
            double total = 0;
            foreach (var batch in Train)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(Model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: {total / Train.Count:F4}");
        }
    }
}
