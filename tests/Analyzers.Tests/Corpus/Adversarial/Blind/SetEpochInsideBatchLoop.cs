// Scenario: a trainer keeps its shuffling loader in a get-only property and sets the epoch on the first step inside the batch loop, one epoch too late; wrong.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut2.Blind.SetEpochInsideBatchLoop;

public sealed class SentimentTrainer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly int _logEvery;

    public SentimentTrainer(InMemoryDataset train, InMemoryDataset dev, int vocab, int logEvery = 50)
    {
        Train = new EpochDataLoader(train, batchSize: 32, shuffle: true, seed: 7, dropLast: true);
        Dev = new EpochDataLoader(dev, batchSize: 128);
        _model = nn.Sequential(
            ("hidden", nn.Linear(vocab, 64)),
            ("act", nn.ReLU()),
            ("out", nn.Linear(64, 2)));
        _optimizer = optim.Adagrad(_model.parameters(), lr: 0.05);
        _logEvery = logEvery;
    }

    public EpochDataLoader Train { get; }
    public EpochDataLoader Dev { get; }

    public void Fit(int epochs, CancellationToken token = default)
    {
        for (int epoch = 0; epoch < epochs && !token.IsCancellationRequested; epoch++)
        {
            _model.train();
            long step = 0;
            double window = 0;
            foreach (var batch in Train)
            {
                if (step == 0)
                    Train.SetEpoch(epoch); //! CMP005
                step++;

                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.call(batch["bow"]), batch["label"]);
                loss.backward();
                _optimizer.step();
                window += loss.item<float>();
                if (step % _logEvery == 0)
                {
                    Console.WriteLine($"epoch {epoch} step {step}: loss {window / _logEvery:F4}");
                    window = 0;
                }
            }

            Console.WriteLine($"epoch {epoch} dev accuracy {Evaluate():P2}");
        }
    }

    private double Evaluate()
    {
        _model.eval();
        long correct = 0, seen = 0;
        using var noGrad = no_grad();
        foreach (var batch in Dev)
        {
            using var scope = NewDisposeScope();
            correct += _model.call(batch["bow"]).argmax(1).eq(batch["label"]).sum().item<long>();
            seen += batch["label"].shape[0];
        }
        return seen == 0 ? 0 : (double)correct / seen;
    }

    public void Dispose()
    {
        Train.Dispose();
        Dev.Dispose();
        _model.Dispose();
    }
}
