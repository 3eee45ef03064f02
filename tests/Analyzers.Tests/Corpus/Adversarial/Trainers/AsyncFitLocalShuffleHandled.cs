// Scenario: an async training function owns a `using var` shuffling loader, calls train.SetEpoch(epoch) before each pass and awaits a progress report afterwards: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Async.Training;

public static class AsyncLoop
{
    public static async Task<double> TrainAsync(InMemoryDataset data, nn.Module<Tensor, Tensor> model, int epochs, IProgress<(int Epoch, double Loss)> progress)
    {
        using var train = new EpochDataLoader(data, batchSize: 100, shuffle: true, seed: 2, prefetch: true);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        double meanLoss = double.NaN;

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            var losses = new List<float>();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                losses.Add(loss.item<float>());
            }
            meanLoss = losses.Average();
            progress.Report((epoch, meanLoss));
            await Task.Yield();
        }
        return meanLoss;
    }
}
