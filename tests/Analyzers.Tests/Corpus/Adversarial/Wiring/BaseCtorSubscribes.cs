// Scenario: an abstract trainer base class subscribes Train.SetEpoch to its event in its constructor and raises it in its epoch loop; the derived SupCon trainer passes a P×K loader to base(...) and iterates it in RunEpoch, which has no loop of its own — correct, no finding
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.BaseCtorSubscribes;

public abstract class EpochDrivenTrainer
{
    protected EpochDrivenTrainer(EpochDataLoader train)
    {
        Train = train;
        EpochStarting += Train.SetEpoch;
    }

    protected EpochDataLoader Train { get; }

    public event Action<int>? EpochStarting;

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarting?.Invoke(epoch);
            var loss = RunEpoch(epoch);
            Console.WriteLine($"epoch {epoch}: {loss:F4}");
        }
    }

    protected abstract double RunEpoch(int epoch);
}

public sealed class SupConTrainer : EpochDrivenTrainer
{
    private readonly nn.Module<Tensor, Tensor> _embed = nn.Sequential(nn.Linear(512, 256), nn.ReLU(), nn.Linear(256, 128));
    private readonly optim.Optimizer _optimizer;
    private readonly double _temperature;

    public SupConTrainer(InMemoryDataset data, IReadOnlyList<long> labels, double temperature = 0.1)
        : base(new EpochDataLoader(data,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: 5)))
    {
        _optimizer = optim.Adam(_embed.parameters(), lr: 5e-4);
        _temperature = temperature;
    }

    protected override double RunEpoch(int epoch)
    {
        double total = 0;
        foreach (var batch in Train)
        {
            using var scope = torch.NewDisposeScope();
            var z = nn.functional.normalize(_embed.forward(batch["data"]), dim: 1);
            var y = batch["label"];
            var positives = y.unsqueeze(0).eq(y.unsqueeze(1)).to_type(ScalarType.Float32);
            var logProb = nn.functional.log_softmax(z.matmul(z.t()) / _temperature, 1);
            var loss = -(logProb * positives).sum(1).div(positives.sum(1)).mean();
            _optimizer.zero_grad();
            loss.backward();
            _optimizer.step();
            total += loss.item<float>();
        }
        return total / Math.Max(1, Train.Count);
    }
}
