// Scenario: resume logic for a hand-written loop that restarts at the checkpoint's epoch and batch, setting the whole loader's epoch each pass before IterateFrom - correct, no finding.
using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Lab.Blind17.Resume;

public sealed class ResumableLoop
{
    private readonly EpochDataLoader _train;
    private readonly ComposerModel _model;
    private readonly optim.Optimizer _optimizer;

    public ResumableLoop(InMemoryDataset data, ComposerModel model, optim.Optimizer optimizer)
    {
        _train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 5);
        _model = model;
        _optimizer = optimizer;
    }

    public Timestamp Run(Timestamp resumeFrom, int epochs)
    {
        int start = resumeFrom.Epoch;
        long skip = resumeFrom.BatchInEpoch;
        var now = resumeFrom;
        for (int epoch = start; epoch < epochs; epoch++)
        {
            _train.SetEpoch(epoch);
            foreach (var batch in _train.IterateFrom(epoch == start ? skip : 0))
            {
                _optimizer.zero_grad();
                _model.Loss(_model.Forward(batch), batch).backward();
                _optimizer.step();
                now = now.AfterBatch(batch["data"].shape[0]);
            }
            now = now.AfterEpoch();
        }
        return now;
    }
}
