// Scenario: a sweep script rebuilds its TorchSharp loader every epoch with `seed: _config.BaseSeed * 31 + _config.Augmentations.Count` ("so runs with different augmentation sets get different orders"). Wrong: neither the property nor the list's size changes across the epoch loop, so every epoch repeats one order. CMP003 page: inside a loop a seed is fixed when made of "fields and properties of your own code (`options.Seed`, ...) that the loop does not assign, and of the `Length` or `Count` of such a variable ... unless the loop adds to or removes from that collection"; this loop only reads the list. CMP003 at the creation.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam27.CountOfProperty;

public sealed class SweepConfig
{
    public int BaseSeed { get; init; } = 7;
    public int BatchSize { get; init; } = 32;
    public int Epochs { get; init; } = 12;
    public List<string> Augmentations { get; } = new() { "flip", "crop" };
}

public sealed class SweepRun
{
    private readonly SweepConfig _config;
    private readonly torch.utils.data.Dataset _train;

    public SweepRun(SweepConfig config, torch.utils.data.Dataset train)
    {
        _config = config;
        _train = train;
    }

    public IReadOnlyList<double> Run(nn.Module<Tensor, Tensor> model)
    {
        var losses = new List<double>();
        var optimizer = optim.AdamW(model.parameters(), lr: 3e-4);
        Console.WriteLine($"augmentations: {string.Join(",", _config.Augmentations)}");

        for (int epoch = 0; epoch < _config.Epochs; epoch++)
        {
            using var loader = new DataLoader(_train, _config.BatchSize, shuffle: true, //! CMP003
                seed: _config.BaseSeed * 31 + _config.Augmentations.Count, disposeDataset: false);
            model.train();
            double sum = 0;
            long steps = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                steps++;
            }
            losses.Add(sum / Math.Max(1, steps));
        }
        return losses;
    }
}
