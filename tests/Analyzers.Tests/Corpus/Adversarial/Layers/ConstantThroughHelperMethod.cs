// Scenario: the loop calls helper *methods* BeginEpoch(_train, 0) -> Reseed(loader, epoch) -> loader.SetEpoch(epoch): a constant epoch handed to a helper method, a real bug (every epoch replays epoch 0) that the docs say no rule reports — inside the methods the setter is in no epoch loop and the pass counts as handled; no finding
using Composer.Data;
using static TorchSharp.torch;

namespace Blind20.ConstantThroughHelperMethod;

public sealed class FineTuner : IDisposable
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public FineTuner(InMemoryDataset data, nn.Module<Tensor, Tensor> model)
    {
        _train = new EpochDataLoader(data, batchSize: 16, shuffle: true, seed: 1234);
        _model = model;
        _optimizer = optim.AdamW(model.parameters(), lr: 2e-5);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            BeginEpoch(_train, 0);
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                loss.backward();
                _optimizer.step();
            }
        }
    }

    private static void BeginEpoch(EpochDataLoader loader, int epoch)
    {
        Console.WriteLine($"epoch {epoch}: {loader.Count} batches");
        Reseed(loader, epoch);
    }

    private static void Reseed(EpochDataLoader loader, int epoch) => loader.SetEpoch(epoch);

    public void Dispose() => _train.Dispose();
}
