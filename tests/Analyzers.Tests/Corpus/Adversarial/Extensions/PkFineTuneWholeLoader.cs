// Scenario: a hand-written P×K fine-tuning loop next to the Trainer that sets the epoch on the whole loader (reaching its ClassBalancedBatchSampler) - correct, no finding.
using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Lab.Blind17.PkFineTune;

public sealed class PkFineTuner
{
    private readonly ComposerModel _model;
    private readonly optim.Optimizer _optimizer;

    public PkFineTuner(ComposerModel model, optim.Optimizer optimizer)
    {
        _model = model;
        _optimizer = optimizer;
    }

    public void FineTune(InMemoryDataset train, int epochs)
    {
        long[] labels = train.Columns["label"].data<long>().ToArray();
        using var pk = new EpochDataLoader(train,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 7));
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            pk.SetEpoch(epoch);
            foreach (var batch in pk)
            {
                _optimizer.zero_grad();
                var loss = _model.Loss(_model.Forward(batch), batch);
                loss.backward();
                _optimizer.step();
            }
            Console.WriteLine($"fine-tune epoch {epoch}: {pk.Count} P×K batches");
        }
    }
}
