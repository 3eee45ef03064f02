// Scenario: a small decoder language model trained on shuffled, overlapping context windows cut from one token stream; the trainer class builds a shuffling EpochDataLoader in its constructor, but its epoch loop only calls TrainEpoch() and never sets the loader's epoch, so every epoch replays epoch 0's window order (wrong: CMP002 at the TrainEpoch() call). The validation loader reads in order and needs no epoch.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Domains.LanguageModelShuffledWindows;

public sealed record LmWindowConfig(int Vocab, int Context, int Stride, int BatchSize, double LearningRate, int Seed);

public sealed class LmWindowTrainer : IDisposable
{
    private readonly LmWindowConfig _cfg;
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _valid;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public LmWindowTrainer(long[] trainTokens, long[] validTokens, LmWindowConfig cfg)
    {
        _cfg = cfg;
        torch.manual_seed(cfg.Seed);
        _train = new EpochDataLoader(CutWindows(trainTokens, cfg.Context, cfg.Stride), batchSize: cfg.BatchSize,
            shuffle: true, dropLast: true, seed: cfg.Seed);
        _valid = new EpochDataLoader(CutWindows(validTokens, cfg.Context, cfg.Context), batchSize: cfg.BatchSize);
        _model = nn.Sequential(
            ("tok", nn.Embedding(cfg.Vocab, 256)),
            ("mlp", nn.Linear(256, 512)),
            ("act", nn.GELU()),
            ("out", nn.Linear(512, cfg.Vocab)));
        _optimizer = optim.AdamW(_model.parameters(), lr: cfg.LearningRate, weight_decay: 0.1);
    }

    // Next-token windows: input_ids = tokens[s, s + T), labels = tokens[s + 1, s + T + 1).
    private static InMemoryDataset CutWindows(long[] tokens, int context, int stride)
    {
        var stream = torch.tensor(tokens);
        var starts = Enumerable.Range(0, (tokens.Length - context - 1) / stride + 1).Select(i => (long)i * stride).ToArray();
        var inputs = torch.stack(starts.Select(s => stream.narrow(0, s, context)).ToArray());
        var labels = torch.stack(starts.Select(s => stream.narrow(0, s + 1, context)).ToArray());
        return new InMemoryDataset(new Dictionary<string, Tensor> { ["input_ids"] = inputs, ["labels"] = labels });
    }

    public void Fit(int epochs)
    {
        double best = double.PositiveInfinity;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double trainLoss = TrainEpoch(); //! CMP002
            double validLoss = Evaluate();
            if (validLoss < best) best = validLoss;
            Console.WriteLine($"epoch {epoch + 1}/{epochs}  train {trainLoss:F3}  valid ppl {Math.Exp(validLoss):F1}  best {Math.Exp(best):F1}");
        }
    }

    private double TrainEpoch()
    {
        _model.train();
        double total = 0;
        long steps = 0;
        foreach (var batch in _train)
        {
            using var scope = torch.NewDisposeScope();
            var logits = _model.call(batch["input_ids"]);
            var loss = nn.functional.cross_entropy(logits.reshape(-1, _cfg.Vocab), batch["labels"].reshape(-1));
            _optimizer.zero_grad();
            loss.backward();
            nn.utils.clip_grad_norm_(_model.parameters(), 1.0);
            _optimizer.step();
            total += loss.item<float>();
            steps++;
        }
        return total / Math.Max(steps, 1);
    }

    private double Evaluate()
    {
        _model.eval();
        using var noGrad = torch.no_grad();
        double total = 0;
        long tokens = 0;
        foreach (var batch in _valid)
        {
            using var scope = torch.NewDisposeScope();
            var logits = _model.call(batch["input_ids"]);
            var loss = nn.functional.cross_entropy(logits.reshape(-1, _cfg.Vocab), batch["labels"].reshape(-1), reduction: nn.Reduction.Sum);
            total += loss.item<float>();
            tokens += batch["labels"].numel();
        }
        return total / Math.Max(tokens, 1);
    }

    public void Dispose()
    {
        _train.Dispose();
        _valid.Dispose();
        _model.Dispose();
    }
}
