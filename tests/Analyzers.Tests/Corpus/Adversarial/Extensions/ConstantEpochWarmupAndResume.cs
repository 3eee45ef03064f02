// Scenario: a warm-up loop before the Trainer that always sets epoch 0, and a resumed loop that sets the start epoch on every pass - wrong, CMP004 twice.
using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Lab.Blind17.ConstantEpoch;

public static class WarmupThenTrain
{
    public static void Warmup(InMemoryDataset data, ComposerModel model, optim.Optimizer optimizer, int warmupEpochs)
    {
        using var warm = new EpochDataLoader(data, batchSize: 16, shuffle: true, seed: 8);
        for (int epoch = 0; epoch < warmupEpochs; epoch++)
        {
            warm.SetEpoch(0); //! CMP004
            foreach (var batch in warm)
            {
                optimizer.zero_grad();
                model.Loss(model.Forward(batch), batch).backward();
                optimizer.step();
            }
        }
    }

    public static void Resume(EpochDataLoader loader, ComposerModel model, optim.Optimizer optimizer, Timestamp checkpoint, int epochs)
    {
        int startEpoch = checkpoint.Epoch;
        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(loader, startEpoch); //! CMP004
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                model.Loss(model.Forward(batch), batch).backward();
                optimizer.step();
            }
        }
    }
}
