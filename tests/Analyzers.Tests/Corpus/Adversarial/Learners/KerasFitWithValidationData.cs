// Scenario: a Keras-like Sequential.Fit(x, epochs, validationData) that builds a shuffling train loader and an unshuffled validation loader inside Fit and sets the train loader's epoch each epoch — right; the validation loader needs no epoch.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Learners.Keras;

public sealed record History(List<double> Loss, List<double> ValLoss);

public sealed class Sequential
{
    private readonly Func<Dictionary<string, Tensor>, Tensor> _lossFn;
    private readonly Action _optimizerStep;

    public Sequential(Func<Dictionary<string, Tensor>, Tensor> lossFn, Action optimizerStep)
    {
        _lossFn = lossFn;
        _optimizerStep = optimizerStep;
    }

    public History Fit(InMemoryDataset x, int epochs, InMemoryDataset? validationData = null, int batchSize = 32, int verbose = 1)
    {
        var history = new History(new(), new());
        using var train = new EpochDataLoader(x, batchSize, shuffle: true, seed: 1337);
        using var val = validationData is null ? null : new EpochDataLoader(validationData, batchSize * 2);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            double sum = 0;
            foreach (var batch in train)
            {
                using var loss = _lossFn(batch);
                loss.backward();
                _optimizerStep();
                sum += loss.item<float>();
            }
            history.Loss.Add(sum / train.Count);

            if (val is not null)
            {
                double vsum = 0;
                using (torch.no_grad())
                    foreach (var batch in val) { using var l = _lossFn(batch); vsum += l.item<float>(); }
                history.ValLoss.Add(vsum / val.Count);
            }
            if (verbose > 0) Console.WriteLine($"Epoch {epoch + 1}/{epochs} - loss: {history.Loss[^1]:F4}");
        }
        return history;
    }
}
