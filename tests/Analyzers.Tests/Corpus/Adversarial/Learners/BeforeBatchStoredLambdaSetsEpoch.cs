// Scenario: a Learner keeps its BeforeBatch hook as a stored lambda in Fit that sets the train loader's epoch when iter == 0, called from inside the batch loop — wrong: the order of the running epoch is already fixed (CMP005 on the setter).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Learners.LateLambda;

public sealed class Learner
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _valid;
    private readonly Func<Dictionary<string, Tensor>, Tensor> _lossFn;
    public List<double> Losses { get; } = new();

    public Learner(InMemoryDataset trainSet, InMemoryDataset validSet, Func<Dictionary<string, Tensor>, Tensor> lossFn)
    {
        _train = new EpochDataLoader(trainSet, batchSize: 16, shuffle: true, seed: 99);
        _valid = new EpochDataLoader(validSet, batchSize: 64);
        _lossFn = lossFn;
    }

    public void Fit(int epochs)
    {
        Action<int, int> beforeBatch = (e, it) =>
        {
            if (it == 0) _train.SetEpoch(e); //! CMP005
        };
        Action<int, double> afterBatch = (it, loss) => Losses.Add(loss);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var (batch, iter) in _train.Select((b, i) => (b, i)))
            {
                beforeBatch(epoch, iter);
                using var loss = _lossFn(batch);
                loss.backward();
                afterBatch(iter, loss.item<float>());
            }

            using (torch.no_grad())
            {
                foreach (var batch in _valid)
                {
                    using var loss = _lossFn(batch);
                }
            }
        }
    }
}
