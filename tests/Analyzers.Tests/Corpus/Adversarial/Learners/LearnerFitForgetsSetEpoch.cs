// Scenario: a Learner with a shuffling EpochDataLoader and a list of AfterEpoch hooks that only get the epoch number; Fit never sets the loader's epoch — wrong, every epoch replays epoch 0's order.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Learners.Basic;

public sealed class Learner
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _valid;
    private readonly List<Action<int, double>> _afterEpoch = new();
    private readonly Func<Dictionary<string, Tensor>, Tensor> _lossFn;
    private readonly Action _step;

    public Learner(InMemoryDataset trainSet, InMemoryDataset validSet, Func<Dictionary<string, Tensor>, Tensor> lossFn, Action step)
    {
        _train = new EpochDataLoader(trainSet, batchSize: 32, shuffle: true, seed: 2024);
        _valid = new EpochDataLoader(validSet, batchSize: 128, shuffle: false);
        _lossFn = lossFn;
        _step = step;
    }

    public Learner AddAfterEpoch(Action<int, double> hook)
    {
        _afterEpoch.Add(hook);
        return this;
    }

    public void Fit(int epochs)
    {
        Console.WriteLine($"fitting {_train.Count} batches per epoch");
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in _train) //! CMP002
            {
                using var loss = _lossFn(batch);
                loss.backward();
                _step();
            }

            double validLoss = 0;
            using (torch.no_grad())
            {
                foreach (var batch in _valid)
                {
                    using var loss = _lossFn(batch);
                    validLoss += loss.item<float>();
                }
            }

            foreach (var hook in _afterEpoch) hook(epoch, validLoss);
        }
    }
}
