// Scenario: a trainer class emitted by an in-house T4 template and marked [GeneratedCode] (in an ordinary file beside hand-written code); its loop never sets the shuffling loader's epoch. The rules promise nothing in code marked [GeneratedCode]: no finding, though the code is wrong.
using System.CodeDom.Compiler;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.GeneratedCodeAttributeTrainer;

[GeneratedCode("TrainerTemplate.tt", "2.3.0")]
public sealed partial class TemplateTrainer
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(9, 18), nn.ReLU(), nn.Linear(18, 3));

    public TemplateTrainer(InMemoryDataset data) =>
        _train = new EpochDataLoader(data, batchSize: 16, shuffle: true, seed: 8);

    public void Fit(int epochs)
    {
        var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}

// Hand-written, and correct.
public sealed partial class TemplateTrainer
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(320, 9), ["label"] = randint(0, 3, 320) });
        new TemplateTrainer(data).Fit(3);
    }
}
