// Scenario: a trainer keeps its (optional) epoch-aware curriculum data set in a nullable field and builds the loader's RandomSampler from `_data?.Count ?? 0`; each epoch it sets only the data set's epoch. The data set is only read from inside the sampler's creation, so the loader's order is never set — CMP002 at the iteration.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.NullableDatasetCountSampler;

public sealed class CurriculumSet : torch.utils.data.Dataset, IEpochAware
{
    private readonly Tensor _x = randn(800, 5);
    private int _epoch;

    public override long Count => 800;

    public void SetEpoch(int epoch) => _epoch = epoch;

    public override Dictionary<string, Tensor> GetTensor(long index) => new() { ["x"] = _x[index] * Math.Min(1.0, 0.1 * (_epoch + 1)) };
}

public sealed class CurriculumTrainer
{
    private readonly CurriculumSet? _data;

    public CurriculumTrainer(CurriculumSet? data) => _data = data;

    public void Fit(int epochs)
    {
        if (_data is null) return;
        var loader = new EpochDataLoader(_data, batchSize: 20, sampler: new RandomSampler(_data?.Count ?? 0, seed: 6));
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _data.SetEpoch(epoch);
            foreach (var batch in loader) //! CMP002
            {
                using var scope = NewDisposeScope();
                _ = batch["x"].sum();
            }
        }
    }
}
