// Scenario: a Learner with early stopping resumed from a checkpoint; FitFrom(startEpoch, maxEpochs) sets the train loader's epoch to startEpoch on every pass instead of the loop's epoch — wrong (CMP004).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Learners.Resume;

public sealed class Learner
{
    private readonly EpochDataLoader _train;
    private readonly Func<Dictionary<string, Tensor>, Tensor> _lossFn;
    private readonly Func<double> _validate;
    private int _patience = 3;

    public Learner(InMemoryDataset trainSet, Func<Dictionary<string, Tensor>, Tensor> lossFn, Func<double> validate)
    {
        _train = new EpochDataLoader(trainSet, batchSize: 48, shuffle: true, seed: 404);
        _lossFn = lossFn;
        _validate = validate;
    }

    public int FitFrom(int startEpoch, int maxEpochs)
    {
        double best = double.MaxValue;
        int wait = 0;
        for (int epoch = startEpoch; epoch < maxEpochs; epoch++)
        {
            _train.SetEpoch(startEpoch); //! CMP004
            foreach (var batch in _train)
            {
                using var loss = _lossFn(batch);
                loss.backward();
            }

            double v = _validate();
            if (v < best) { best = v; wait = 0; }
            else if (++wait >= _patience)
            {
                Console.WriteLine($"early stop at epoch {epoch}");
                return epoch;
            }
        }
        return maxEpochs;
    }
}
