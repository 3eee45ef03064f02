// Scenario: the loader is rebuilt inside a `using (...)` block in every epoch with `seed: baseSeed + epoch` (positional shuffle), so each epoch's order differs; correct, no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002RebuiltPerEpochUsingBlock;

public static class Program
{
    public static void Train(InMemoryDataset data, nn.Module<Tensor, Tensor> model, int baseSeed, int epochs)
    {
        var opt = optim.SGD(model.parameters(), learningRate: 0.01);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using (var train = new EpochDataLoader(data, 64, true, seed: baseSeed + epoch))
            {
                foreach (var batch in train)
                {
                    opt.zero_grad();
                    using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                    loss.backward();
                    opt.step();
                }
            }
        }
    }
}
