// Scenario: a manual GetEnumerator/MoveNext loop sets the loader's epoch on its first step, i.e. inside the while (it.MoveNext()) over that same loader, after the order was fixed: bug (one epoch late).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Manual;

public static class ManualEnumeration
{
    public static void Train(InMemoryDataset data, nn.Module<Tensor, Tensor> model, int epochs, int logEvery = 100)
    {
        using var loader = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 55, prefetch: true);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var it = loader.GetEnumerator();
            long step = 0;
            while (it.MoveNext())
            {
                if (step == 0) loader.SetEpoch(epoch); //! CMP005
                var batch = it.Current;
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                if (++step % logEvery == 0)
                    Console.WriteLine($"epoch {epoch} step {step}: {loss.item<float>():F4}");
            }
        }
    }
}
