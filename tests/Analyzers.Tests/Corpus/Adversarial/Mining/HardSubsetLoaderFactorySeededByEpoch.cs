// Scenario: a trainer class mines the hard examples each epoch and gets a TorchSharp DataLoader over them from a per-epoch factory whose seed is 7 + epoch, its epoch parameter; called once per epoch with the loop's epoch (right).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Mining.Training;

public sealed class HardExampleTrainer(Module<Tensor, Tensor> model, Tensor features, Tensor labels, double keepAboveQuantile = 0.5)
{
    private readonly optim.Optimizer _optimizer = optim.Adam(model.parameters(), lr: 1e-3);

    public static DataLoader LoaderForEpoch(torch.utils.data.Dataset hard, int epoch) =>
        new DataLoader(hard, 64, shuffle: true, seed: 7 + epoch);

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var hard = MineHardExamples();
            using var loader = LoaderForEpoch(hard, epoch);

            model.train();
            double total = 0;
            foreach (var batch in loader)
            {
                using var scope = torch.NewDisposeScope();
                var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: {hard.Count} hard examples, loss {total / Math.Max(1, loader.Count):F4}");
        }
    }

    /// <summary>Samples whose current loss is above the given quantile.</summary>
    private HardSet MineHardExamples()
    {
        model.eval();
        using var _ = torch.no_grad();
        var losses = functional.cross_entropy(model.forward(features), labels, reduction: Reduction.None);
        var cutoff = losses.quantile(keepAboveQuantile);
        var rows = losses.ge(cutoff).nonzero().squeeze(1);
        return new HardSet(features.index_select(0, rows), labels.index_select(0, rows));
    }

    private sealed class HardSet(Tensor data, Tensor label) : torch.utils.data.Dataset
    {
        public override long Count => data.shape[0];

        public override Dictionary<string, Tensor> GetTensor(long index) =>
            new() { ["data"] = data[index], ["label"] = label[index] };
    }
}
