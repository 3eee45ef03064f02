// Scenario: a Lightning-like on_train_batch_start hook (a local function called in the batch loop) sets the train loader's epoch at step 0, inside the train iteration: a bug (CMP005); the same hook sets the aux loader's epoch, which is iterated only afterwards: fine.
using Composer.Data;
using static TorchSharp.torch;

namespace Wrappers.ProgressHook;

public static class DenoisingPretraining
{
    public static void Run(InMemoryDataset data, InMemoryDataset auxData, Func<Dictionary<string, Tensor>, float> step, IProgress<string> progress, int epochs)
    {
        using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 11);
        using var aux = new EpochDataLoader(auxData, batchSize: 32, sampler: new RandomSampler(auxData.Count, seed: 12));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            int step_ = 0;
            float running = 0;

            void OnTrainBatchStart(int s)
            {
                if (s == 0)
                {
                    train.SetEpoch(epoch); //! CMP005
                    aux.SetEpoch(epoch);
                }
                if (s % 50 == 0) progress.Report($"epoch {epoch} step {s} loss {running / Math.Max(1, s):F3}");
            }

            foreach (var batch in train)
            {
                OnTrainBatchStart(step_++);
                running += step(batch);
            }

            foreach (var batch in aux)
            {
                step(batch);
            }
        }
    }
}
