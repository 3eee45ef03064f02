using Composer.Data;
using static TorchSharp.torch;

namespace VisionLightning;

/// <summary>The fit and probe loops of the trainer.</summary>
public partial class LitTrainer
{
    public IReadOnlyList<double> Fit()
    {
        var accuracies = new List<double>();
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            if (_train.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); //! CMP001 _train is a field of a partial type: not in view
            _model.train();
            float loss = 0;
            foreach (var batch in _train)
                loss += TrainingStep(batch);

            _model.eval();
            long correct = 0;
            using (no_grad())
            {
                foreach (var batch in _val)
                    correct += ValidationStep(batch);
            }
            accuracies.Add(correct / (double)_val.Dataset.Count);
            Console.WriteLine($"epoch {epoch}: train loss {loss / _train.Count:F4}, val acc {accuracies[^1]:P2}");
        }
        return accuracies;
    }

    /// <summary>A short linear-probe run on a held-out slice, reshuffled every round.</summary>
    public double Probe(int rounds)
    {
        using var probe = new EpochDataLoader(_probeData, batchSize: 16, shuffle: true, seed: _options.Seed + 1);
        double last = 0;
        for (var round = 0; round < rounds; round++)
        {
            _model.train();
            foreach (var batch in probe) //! CMP002 local loader with shuffle: true, never told the round
                last = TrainingStep(batch);
        }
        return last;
    }
}
