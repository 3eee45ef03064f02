// Scenario: a Learner with an EarlyStopping callback runs while (!stopper.ShouldStop && epoch < maxEpochs), sets the epoch with Epochs.SetEpoch at the top of each pass and advances epoch at the end — right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Learners.EarlyStop;

public sealed class EarlyStopping
{
    private readonly int _patience;
    private double _best = double.MaxValue;
    private int _wait;

    public EarlyStopping(int patience) => _patience = patience;
    public bool ShouldStop { get; private set; }

    public void AfterEpoch(double validLoss)
    {
        if (validLoss < _best - 1e-4) { _best = validLoss; _wait = 0; }
        else if (++_wait >= _patience) ShouldStop = true;
    }
}

public sealed class Learner
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _valid;
    private readonly Func<Dictionary<string, Tensor>, Tensor> _lossFn;

    public Learner(InMemoryDataset trainSet, InMemoryDataset validSet, Func<Dictionary<string, Tensor>, Tensor> lossFn)
    {
        _train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 12);
        _valid = new EpochDataLoader(validSet, batchSize: 256);
        _lossFn = lossFn;
    }

    public int Fit(int maxEpochs, EarlyStopping stopper)
    {
        int epoch = 0;
        while (!stopper.ShouldStop && epoch < maxEpochs)
        {
            Epochs.SetEpoch(_train, epoch);
            foreach (var batch in _train)
            {
                using var loss = _lossFn(batch);
                loss.backward();
            }

            double validLoss = 0;
            using (torch.no_grad())
                foreach (var batch in _valid) { using var l = _lossFn(batch); validLoss += l.item<float>(); }
            stopper.AfterEpoch(validLoss);
            epoch++;
        }
        return epoch;
    }
}
