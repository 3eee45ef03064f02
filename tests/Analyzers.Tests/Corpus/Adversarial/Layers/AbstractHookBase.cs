// Scenario: an abstract loop base builds a BatchSampler(RandomSampler) loader and, through StartEpoch -> private Dispatch, hands it to the abstract OnEpochStart(loader, epoch), which a derived loop implements with loader.SetEpoch — correct, no finding
using Composer.Data;
using static TorchSharp.torch;

namespace Blind20.AbstractHookBase;

public abstract class EpochLoopBase : IDisposable
{
    protected EpochLoopBase(InMemoryDataset data, int batchSize, int seed)
    {
        Train = new EpochDataLoader(data,
            batchSampler: new BatchSampler(new RandomSampler(data.Count, seed: seed), batchSize, dropLast: true));
    }

    protected EpochDataLoader Train { get; }

    protected abstract void OnEpochStart(EpochDataLoader loader, int epoch);

    protected abstract double Step(Dictionary<string, Tensor> batch);

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            StartEpoch(epoch);
            double loss = 0;
            foreach (var batch in Train) loss += Step(batch);
            Console.WriteLine($"epoch {epoch}: loss {loss / Math.Max(1, Train.Count):F4}");
        }
    }

    private void StartEpoch(int epoch) => Dispatch(epoch);

    private void Dispatch(int epoch) => OnEpochStart(Train, epoch);

    public void Dispose() => Train.Dispose();
}

public sealed class ReshufflingLoop(InMemoryDataset data, nn.Module<Tensor, Tensor> model)
    : EpochLoopBase(data, batchSize: 128, seed: 99)
{
    private readonly optim.Optimizer _optimizer = optim.Adam(model.parameters(), lr: 5e-4);

    protected override void OnEpochStart(EpochDataLoader loader, int epoch) => loader.SetEpoch(epoch);

    protected override double Step(Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        _optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        _optimizer.step();
        return loss.item<float>();
    }
}
