// Scenario: a data module declares its loaders as fields with target-typed `new(...)` and positional arguments, the training one `new(Data, 32, true, null, Batches)` (batch size and shuffle next to a batch sampler): wrong - CMP006 twice. Fix All removes both in one rewrite and names the arguments after them.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam21.TargetTypedFieldPositionalConflict;

public sealed class DataModule
{
    private static readonly long[] Labels = Enumerable.Range(0, 256).Select(i => (long)(i % 8)).ToArray();
    private static readonly InMemoryDataset Data = new(new Dictionary<string, Tensor> { ["data"] = randn(256, 10), ["label"] = tensor(Labels) });
    private static readonly ClassBalancedBatchSampler Batches = new(Labels, classesPerBatch: 4, samplesPerClass: 8, seed: 2);

    public EpochDataLoader Train { get; } = new(Data, 32, true, null, Batches /* P×K */, false); //! CMP006 CMP006
    public EpochDataLoader Eval { get; } = new(Data, 64);

    public void Fit(Action<Dictionary<string, Tensor>> step, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Train.SetEpoch(epoch);
            foreach (var batch in Train) step(batch);
            foreach (var batch in Eval) step(batch);
        }
    }
}
