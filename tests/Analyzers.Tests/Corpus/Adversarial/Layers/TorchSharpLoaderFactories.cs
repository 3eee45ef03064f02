// Scenario: two TorchSharp loader factories: ForEpoch(data, epoch) seeds its shuffle with 7 + epoch and is rebuilt every epoch (fine), while MakeProbe(data, seed) shuffles with a seed parameter that does not change per epoch — wrong in MakeProbe only, CMP003 at its creation
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Blind20.TorchSharpLoaderFactories;

public static class LoaderFactories
{
    public static DataLoader ForEpoch(utils.data.Dataset data, int epoch) =>
        new DataLoader(data, 64, shuffle: true, seed: 7 + epoch);

    public static DataLoader MakeProbe(utils.data.Dataset data, int seed) =>
        new DataLoader(data, 256, shuffle: true, seed: seed); //! CMP003

    public static DataLoader MakeEval(utils.data.Dataset data) => new DataLoader(data, 256, shuffle: false);
}

public static class RebuildPerEpoch
{
    public static void Fit(utils.data.Dataset train, utils.data.Dataset holdout, nn.Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        using var probe = LoaderFactories.MakeProbe(holdout, seed: 3);
        using var eval = LoaderFactories.MakeEval(holdout);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var loader = LoaderFactories.ForEpoch(train, epoch);
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }

            using (no_grad())
            {
                var first = probe.First();
                Console.WriteLine($"probe logits {model.forward(first["data"]).mean().item<float>():F4}");
                long correct = 0;
                foreach (var batch in eval)
                    correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                Console.WriteLine($"epoch {epoch}: {correct} correct");
            }
        }
    }
}
