// Scenario: a convenience constructor chains `: this(new EpochDataLoader(data, …, shuffle: true))` into the main constructor, which stores the loader parameter in a field; Fit never sets its epoch. Wrong at run time, but the field's only value in view is a constructor parameter, which the docs call not in view, so nothing is expected (docs limitation, analyzer agrees).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.ThisChainedConstructorLoader;

public sealed class TabularTrainer
{
    private readonly EpochDataLoader _loader;
    private readonly nn.Module<Tensor, Tensor> _model;

    public TabularTrainer(nn.Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        _model = model;
        _loader = loader;
    }

    public TabularTrainer(nn.Module<Tensor, Tensor> model, InMemoryDataset data, int batchSize)
        : this(model, new EpochDataLoader(data, batchSize: batchSize, shuffle: true, seed: 21))
    {
    }

    public void Fit(int epochs)
    {
        var optimizer = optim.Adam(_model.parameters(), 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double total = 0;
            foreach (var batch in _loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.binary_cross_entropy_with_logits(_model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: {total / _loader.Count:F4}");
        }
    }
}
