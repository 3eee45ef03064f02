// Scenario: a TorchSharp DataLoader is rebuilt inside the epoch loop with `seed: baseSeed + epoch`, so every epoch gets a fresh but reproducible order. Right (no diagnostic: the seed changes across the loop around the creation).
using TorchSharp;
using TorchSharp.Modules;
using Composer.Data;
using static TorchSharp.torch;

namespace RedTeam.B.TorchLoaderReseededPerEpoch;

public static class ReproducibleTorchLoop
{
    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset data, int epochs, int baseSeed)
    {
        var optimizer = optim.RMSProp(model.parameters(), 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var loader = new DataLoader(data, 128, shuffle: true, seed: baseSeed + epoch);
            model.train();
            double total = 0;
            long count = 0;
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.huber_loss(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                count++;
            }
            Console.WriteLine($"epoch {epoch} (seed {baseSeed + epoch}): {(count > 0 ? total / count : 0):F4}");
        }
    }

    public static double Evaluate(nn.Module<Tensor, Tensor> model, InMemoryDataset data)
    {
        model.eval();
        using var _ = no_grad();
        using var loader = new DataLoader(data, 512);
        double total = 0;
        long count = 0;
        foreach (var batch in loader)
        {
            total += nn.functional.huber_loss(model.forward(batch["x"]), batch["y"]).item<float>();
            count++;
        }
        return count > 0 ? total / count : 0;
    }
}
