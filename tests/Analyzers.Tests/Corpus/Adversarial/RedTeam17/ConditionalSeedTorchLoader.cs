// Scenario: a TorchSharp DataLoader shuffling with a fixed seed chosen per build (seed: 0 under DETERMINISTIC, 1234 otherwise, in #if branches inside the argument list): wrong - CMP003. The fix replaces shuffle and seed; it must not leave half of the #if behind.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam17.ConditionalSeedTorchLoader;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(512, 20), ["label"] = randint(0, 5, 512) });
        using var train = new DataLoader(data, 64, shuffle: true, //! CMP003
#if DETERMINISTIC
            seed: 0,
#else
            seed: 1234,
#endif
            disposeDataset: false);
        var model = nn.Sequential(nn.Linear(20, 40), nn.ReLU(), nn.Linear(40, 5));
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.1, momentum: 0.9);

        for (int epoch = 0; epoch < 12; epoch++)
        {
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
