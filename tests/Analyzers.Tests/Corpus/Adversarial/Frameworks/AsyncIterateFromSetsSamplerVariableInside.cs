// Scenario: an async resumable training loop iterates loader.IterateFrom(skip) and sets the epoch on the RandomSampler the loader was built from inside that iteration, on its first batch (bug).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Resumable;

public static class AsyncTrainer
{
    public static async Task TrainAsync(InMemoryDataset ds, nn.Module<Tensor, Tensor> model, int startEpoch, long resumeBatch, int epochs, string logPath)
    {
        var sampler = new RandomSampler(ds.Count, seed: 5);
        using var loader = new EpochDataLoader(ds, 32, sampler: sampler);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            long skip = epoch == startEpoch ? resumeBatch : 0;
            bool epochSet = false;
            long step = skip;
            foreach (var batch in loader.IterateFrom(skip))
            {
                if (!epochSet)
                {
                    sampler.SetEpoch(epoch); //! CMP005
                    epochSet = true;
                }

                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();

                if (++step % 100 == 0)
                    await File.AppendAllTextAsync(logPath, $"{epoch},{step},{loss.item<float>()}\n");
            }
        }
    }
}
