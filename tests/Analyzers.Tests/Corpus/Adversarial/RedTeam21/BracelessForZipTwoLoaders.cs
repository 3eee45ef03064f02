// Scenario: semi-supervised training whose epoch loop is a brace-less `for` around one `foreach` over `labelled.Zip(unlabelled)`; both loaders shuffle and neither epoch is set: wrong - CMP002 twice (on `labelled.Zip(…)` and on the `unlabelled` argument). Fix All gives the `for` braces and sets both.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam21.BracelessForZipTwoLoaders;

public static class Program
{
    public static void Main()
    {
        var labelledSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(128, 5), ["label"] = randint(0, 2, 128) });
        var unlabelledSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(512, 5) });
        using var labelled = new EpochDataLoader(labelledSet, batchSize: 16, shuffle: true, seed: 1);
        using var unlabelled = new EpochDataLoader(unlabelledSet, batchSize: 64, shuffle: true, seed: 2);
        var model = nn.Linear(5, 2);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < 10; epoch++)
            foreach (var (l, u) in labelled.Zip(unlabelled)) //! CMP002 CMP002
                Step(l, u);

        void Step(Dictionary<string, Tensor> l, Dictionary<string, Tensor> u)
        {
            using var scope = NewDisposeScope();
            var supervised = nn.functional.cross_entropy(model.forward(l["data"]), l["label"]);
            var consistency = nn.functional.mse_loss(model.forward(u["data"]), model.forward(u["data"] + 0.01 * randn_like(u["data"])));
            var loss = supervised + 0.5 * consistency;
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
}
