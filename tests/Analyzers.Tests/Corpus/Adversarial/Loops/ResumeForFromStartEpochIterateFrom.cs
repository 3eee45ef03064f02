// Scenario: a resumed run loops from startEpoch, sets the loader's epoch to the loop variable and skips the consumed batches with IterateFrom on the first epoch only: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Resume;

public sealed class ResumableRun
{
    private readonly EpochDataLoader _loader;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public ResumableRun(InMemoryDataset data, int seed)
    {
        _loader = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: seed);
        _model = nn.Sequential(("fc1", nn.Linear(64, 128)), ("relu", nn.ReLU()), ("fc2", nn.Linear(128, 8)));
        _optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
    }

    public void Continue(int startEpoch, long startBatch, int totalEpochs, string checkpointDir)
    {
        for (int epoch = startEpoch; epoch < totalEpochs; epoch++)
        {
            _loader.SetEpoch(epoch);
            long firstBatch = epoch == startEpoch ? startBatch : 0;
            long batchIndex = firstBatch;
            foreach (var batch in _loader.IterateFrom(firstBatch))
            {
                _optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                loss.backward();
                _optimizer.step();
                batchIndex++;
                if (batchIndex % 500 == 0)
                {
                    _model.save(Path.Combine(checkpointDir, $"ep{epoch}-ba{batchIndex}.bin"));
                }
            }
        }
    }
}
