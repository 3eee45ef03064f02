// Scenario: an abstract base trainer (same file) builds a shuffling EpochDataLoader in its constructor and exposes it as a protected property; the derived trainer's epoch loop iterates `Train` and never sets its epoch. Wrong (CMP002 on the foreach).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.BaseTrainerLoaderDerivedLoop;

public abstract class TrainerBase : IDisposable
{
    protected TrainerBase(InMemoryDataset train, int batchSize, int seed)
    {
        Train = new EpochDataLoader(train, batchSize: batchSize, shuffle: true, seed: seed);
    }

    protected EpochDataLoader Train { get; }

    public abstract void Fit(int epochs);

    public void Dispose() => Train.Dispose();
}

public sealed class ContrastiveTrainer : TrainerBase
{
    private readonly nn.Module<Tensor, Tensor> _encoder;
    private readonly double _temperature;

    public ContrastiveTrainer(nn.Module<Tensor, Tensor> encoder, InMemoryDataset train, double temperature)
        : base(train, batchSize: 256, seed: 13)
    {
        _encoder = encoder;
        _temperature = temperature;
    }

    public override void Fit(int epochs)
    {
        var optimizer = optim.Adam(_encoder.parameters(), 3e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _encoder.train();
            double total = 0;
            foreach (var batch in Train) //! CMP002
            {
                optimizer.zero_grad();
                using var a = nn.functional.normalize(_encoder.forward(batch["view1"]), p: 2, dim: 1);
                using var b = nn.functional.normalize(_encoder.forward(batch["view2"]), p: 2, dim: 1);
                using var logits = a.matmul(b.t()) / _temperature;
                using var targets = arange(logits.shape[0], dtype: ScalarType.Int64);
                using var loss = nn.functional.cross_entropy(logits, targets);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: InfoNCE {total:F3}");
        }
    }
}
