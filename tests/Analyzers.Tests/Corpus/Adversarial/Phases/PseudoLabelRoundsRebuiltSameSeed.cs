// Scenario: async pseudo-labelling, one epoch per round; the pool's labels are refreshed in place and the loader is rebuilt every round with the same seed 42 and no SetEpoch, so every round replays the same order: wrong (CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.SelfTraining;

public interface ILabelOracle
{
    Task<Tensor> RelabelAsync(Tensor logits, CancellationToken ct);
}

public sealed class PseudoLabelRounds
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly ILabelOracle _oracle;
    private readonly string _logPath;

    public PseudoLabelRounds(nn.Module<Tensor, Tensor> model, ILabelOracle oracle, string logPath)
    {
        _model = model;
        _oracle = oracle;
        _logPath = logPath;
    }

    public async Task RunAsync(Tensor poolX, int rounds, CancellationToken ct = default)
    {
        using var optimizer = optim.SGD(_model.parameters(), 0.02, momentum: 0.9);
        var labels = zeros(poolX.shape[0], dtype: int64);

        for (int round = 0; round < rounds; round++)
        {
            _model.eval();
            Tensor logits;
            using (no_grad()) logits = _model.call(poolX);
            var fresh = await _oracle.RelabelAsync(logits, ct).ConfigureAwait(false);
            labels.copy_(fresh);
            logits.Dispose();

            using var pool = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = poolX.alias(), ["label"] = labels.alias() });
            using var loader = new EpochDataLoader(pool, batchSize: 64, shuffle: true, seed: 42);

            _model.train();
            double total = 0;
            int steps = 0;
            foreach (var batch in loader) //! CMP002
            {
                ct.ThrowIfCancellationRequested();
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                steps++;
            }

            await File.AppendAllTextAsync(_logPath, $"{round}\t{total / Math.Max(1, steps):F5}{Environment.NewLine}", ct);
        }
    }
}
