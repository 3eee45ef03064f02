// Scenario: loader options validated with C# 14 `field` accessors; the trainer builds its TorchSharp DataLoader field once with a target-typed new(…, shuffle: options.Shuffle, seed: options.Seed) and iterates it every epoch — a fixed seed, so the same order every epoch (CMP003); the validation loader does not shuffle and is fine.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Modern.Tabular;

public sealed class LoaderOptions
{
    public int BatchSize
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(BatchSize), value, "must be positive");
    } = 256;

    public int Seed
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Seed), value, "must not be negative");
    } = 42;

    public bool Shuffle { get; init; } = true;
}

public sealed class TabularTrainer
{
    private readonly DataLoader _train;
    private readonly DataLoader _val;
    private readonly Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public TabularTrainer(torch.utils.data.Dataset trainSet, torch.utils.data.Dataset valSet, LoaderOptions options)
    {
        _train = new(trainSet, options.BatchSize, shuffle: options.Shuffle, seed: options.Seed); //! CMP003
        _val = new(valSet, 1024, shuffle: false);

        _model = Sequential(
            ("fc1", Linear(48, 128)),
            ("bn", BatchNorm1d(128)),
            ("act", SiLU()),
            ("fc2", Linear(128, 1)));
        _optimizer = optim.AdamW(_model.parameters(), lr: 1e-3, weight_decay: 1e-4);
    }

    public void Fit(int epochs)
    {
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            _model.train();
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = functional.binary_cross_entropy_with_logits(_model.call(batch["data"]).squeeze(1), batch["label"]);
                loss.backward();
                _optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}: val loss {ValidationLoss():F4}");
        }
    }

    private double ValidationLoss()
    {
        _model.eval();
        using var noGrad = no_grad();
        double sum = 0;
        long n = 0;
        foreach (var batch in _val)
        {
            using var scope = NewDisposeScope();
            sum += functional.binary_cross_entropy_with_logits(_model.call(batch["data"]).squeeze(1), batch["label"]).item<float>();
            n++;
        }
        return sum / Math.Max(n, 1);
    }
}
