// Scenario: a target-typed `new(...)` loader with named arguments in an unusual order (seed, shuffle, batchSize, dataset), enumerated with an index in a foreach over Enumerable.Range; its epoch is never set (bug: CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002TargetTypedOutOfOrderArgs;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = rand(1000, 3, 8, 8),
            ["label"] = randint(0, 10, 1000),
        });
        EpochDataLoader train = new(seed: 11, shuffle: true, batchSize: 32, dataset: data);
        var net = nn.Sequential(nn.Flatten(), nn.Linear(192, 10));
        var opt = optim.SGD(net.parameters(), learningRate: 0.1);
        const int epochs = 5;

        foreach (var epoch in Enumerable.Range(0, epochs))
        {
            foreach (var (batch, step) in train.Select((b, i) => (b, i))) //! CMP002
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(net.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
                if (step % 10 == 0) Console.WriteLine($"epoch {epoch} step {step}: {loss.item<float>():F3}");
            }
        }
    }
}
