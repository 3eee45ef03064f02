// Scenario: a stored factory lambda `Func<int, DataLoader> make = s => new DataLoader(data, 32, true, seed: s);` is called once per epoch with `baseSeed + epoch`; the seed changes across the loop, so correct, no diagnostic.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp003StoredFactoryLambdaPerEpoch;

public static class Program
{
    public static void Train(torch.utils.data.Dataset data, int baseSeed, int epochs)
    {
        Func<int, DataLoader> make = s => new DataLoader(data, 32, true, seed: s);
        var model = nn.Linear(8, 2);
        var opt = optim.SGD(model.parameters(), learningRate: 0.01);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var loader = make(baseSeed + epoch);
            foreach (var batch in loader)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
        }
    }
}
