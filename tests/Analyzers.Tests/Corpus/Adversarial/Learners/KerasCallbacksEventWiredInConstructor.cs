// Scenario: a Keras-style Model whose constructor subscribes the train loader's SetEpoch to its own OnEpochBegin event, and Fit raises the event at the top of every epoch — right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Learners.KerasEvents;

public sealed class Model
{
    private readonly EpochDataLoader _train;
    private readonly Func<Dictionary<string, Tensor>, Tensor> _lossFn;

    public event Action<int>? OnEpochBegin;
    public event Action<int, double>? OnEpochEnd;

    public Model(InMemoryDataset data, Func<Dictionary<string, Tensor>, Tensor> lossFn, int batchSize = 32)
    {
        _train = new EpochDataLoader(data, batchSize, shuffle: true, seed: 77);
        _lossFn = lossFn;
        OnEpochBegin += _train.SetEpoch;
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            OnEpochBegin?.Invoke(epoch);
            double sum = 0;
            foreach (var batch in _train)
            {
                using var loss = _lossFn(batch);
                loss.backward();
                sum += loss.item<float>();
            }
            OnEpochEnd?.Invoke(epoch, sum);
        }
    }

    public double Evaluate(InMemoryDataset data)
    {
        using var eval = new EpochDataLoader(data, batchSize: 256);
        double total = 0;
        using (torch.no_grad())
            foreach (var batch in eval) { using var l = _lossFn(batch); total += l.item<float>(); }
        return total / Math.Max(1, eval.Count);
    }
}
