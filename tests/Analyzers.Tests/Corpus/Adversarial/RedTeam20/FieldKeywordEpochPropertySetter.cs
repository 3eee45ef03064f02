// Scenario: a C# 14 trainer exposes `public int Epoch { get; set { field = value; _train.SetEpoch(value); } }` and its loop writes `Epoch = epoch;` before iterating the shuffling loader field. Right: the setter is in view, and assigning the property is read as a call of it. (Red team 20 had labelled it CMP002 by the page, which then said property accessors are never followed.)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam20.FieldKeywordEpochPropertySetter;

public sealed class EpochTrainer(InMemoryDataset data, nn.Module<Tensor, Tensor> model)
{
    private readonly EpochDataLoader _train = new(data, batchSize: 64, shuffle: true, seed: 8);
    private readonly optim.Optimizer _optimizer = optim.Adam(model.parameters(), lr: 1e-3);

    public int Epoch
    {
        get;
        set
        {
            field = value;
            _train.SetEpoch(value);
        }
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epoch = epoch;
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                _optimizer.step();
            }
        }
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1000, 6), ["y"] = randint(0, 2, new long[] { 1000 }) });
        new EpochTrainer(data, nn.Sequential(("fc", nn.Linear(6, 2)))).Fit(5);
    }
}
