// Scenario: a trainer rebuilds its TorchSharp DataLoader at the start of every epoch (to pick up a new augmentation strength) with `shuffle: true, seed: _options.Seed ?? 1234`, where `Seed` is an `int?` init-only property of the user's own options record that the loop never assigns. Wrong: both operands of `??` are the same on every pass, so every epoch reshuffles from one seed. CMP003 page: inside a loop a seed is fixed when "made only of constants, ... and of fields and properties of your own code (`options.Seed`, `_seed`, `Config.Seed`) that the loop does not assign"; `??` over those is such an expression. CMP003 at the creation.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam27.CoalesceSeed;

public sealed record AugmentOptions
{
    public int? Seed { get; init; }
    public int BatchSize { get; init; } = 64;
    public int Epochs { get; init; } = 20;
    public double MaxStrength { get; init; } = 0.5;
}

file sealed class JitterSet : torch.utils.data.Dataset
{
    private readonly Tensor _x, _y;
    public double Strength { get; set; }

    public JitterSet(Tensor x, Tensor y) { _x = x; _y = y; }

    public override long Count => _x.shape[0];

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var noise = randn_like(_x[index]) * Strength;
        return new() { ["data"] = _x[index] + noise, ["label"] = _y[index] };
    }
}

public sealed class StrengthRampTrainer
{
    private readonly AugmentOptions _options;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public StrengthRampTrainer(AugmentOptions options, nn.Module<Tensor, Tensor> model)
    {
        _options = options;
        _model = model;
        _optimizer = optim.SGD(model.parameters(), 0.05);
    }

    public void Fit(Tensor features, Tensor labels)
    {
        using var set = new JitterSet(features, labels);
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            set.Strength = _options.MaxStrength * epoch / Math.Max(1, _options.Epochs - 1);
            using var loader = new DataLoader(set, _options.BatchSize, shuffle: true, seed: _options.Seed ?? 1234, disposeDataset: false); //! CMP003
            _model.train();
            double total = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                loss.backward();
                _optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch} strength {set.Strength:F2} loss {total / loader.Count:F4}");
        }
    }
}
