// Scenario: an async trainer with a field loader built from a BatchSampler over a RandomSampler sets the loader's epoch each pass and checkpoints in a finally block: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Async;

public sealed class AsyncTrainer : IDisposable
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly string _dir;

    public AsyncTrainer(InMemoryDataset data, string checkpointDir)
    {
        _train = new EpochDataLoader(data, batchSampler: new BatchSampler(new RandomSampler(data.Count, seed: 6), batchSize: 32, dropLast: true));
        _model = nn.Sequential(("fc1", nn.Linear(48, 96)), ("relu", nn.ReLU()), ("fc2", nn.Linear(96, 6)));
        _optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        _dir = checkpointDir;
    }

    public async Task FitAsync(int startEpoch, int epochs, CancellationToken cancellationToken)
    {
        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _train.SetEpoch(epoch);
            double total = 0;
            try
            {
                foreach (var batch in _train)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    _optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                    loss.backward();
                    _optimizer.step();
                    total += loss.item<float>();
                }
            }
            finally
            {
                _model.save(Path.Combine(_dir, $"epoch{epoch}.bin"));
                await File.WriteAllTextAsync(Path.Combine(_dir, "last.txt"), $"{epoch} {total}", CancellationToken.None);
            }
        }
    }

    public void Dispose() => _train.Dispose();
}
