// Scenario: a Learner that rebuilds its TorchSharp train DataLoader every epoch through a TrainLoaderForEpoch(epoch) factory seeded BaseSeed + epoch, and iterates it once — right: each epoch gets a fresh, reproducible order.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Learners.TorchFactory;

public sealed class Learner
{
    private const int BaseSeed = 1000;
    private readonly torch.utils.data.Dataset _trainSet;
    private readonly torch.utils.data.Dataset _validSet;
    private readonly Func<Dictionary<string, Tensor>, Tensor> _lossFn;
    private readonly int _batchSize;

    public Learner(torch.utils.data.Dataset trainSet, torch.utils.data.Dataset validSet, Func<Dictionary<string, Tensor>, Tensor> lossFn, int batchSize)
    {
        _trainSet = trainSet;
        _validSet = validSet;
        _lossFn = lossFn;
        _batchSize = batchSize;
    }

    private DataLoader TrainLoaderForEpoch(int epoch) =>
        new DataLoader(_trainSet, _batchSize, shuffle: true, seed: BaseSeed + epoch, disposeDataset: false);

    public void Fit(int epochs)
    {
        using var valid = new DataLoader(_validSet, _batchSize, shuffle: false, disposeDataset: false);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var train = TrainLoaderForEpoch(epoch);
            foreach (var batch in train)
            {
                using var loss = _lossFn(batch);
                loss.backward();
            }

            using (torch.no_grad())
                foreach (var batch in valid) { using var l = _lossFn(batch); }
        }
    }
}
