// Scenario: An async continual-learning trainer adds batchSize: 64 to a BatchSampler over a RandomSampler (bug: CMP006), never sets that loader's epoch (bug: CMP002), and replays old data from TorchSharp's DataLoader(shuffle: true, seed: options.Seed) (bug: CMP003).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Continual;

public sealed record ContinualOptions(int Seed, int Epochs, int ReplayBatches, string OutputDir);

public sealed class ContinualTrainer(nn.Module<Tensor, Tensor> model, ContinualOptions options)
{
    public async Task<double> TrainTaskAsync(InMemoryDataset current, InMemoryDataset replayBuffer, int taskId, CancellationToken token = default)
    {
        using var train = new EpochDataLoader(current, batchSize: 64, batchSampler: new BatchSampler(new RandomSampler(current.Count, seed: options.Seed), 64)); //! CMP006
        using var replay = new DataLoader(replayBuffer, 32, shuffle: true, seed: options.Seed, disposeDataset: false); //! CMP003
        var optimizer = optim.Adam(model.parameters(), lr: 5e-4);
        double lastLoss = double.NaN;

        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            token.ThrowIfCancellationRequested();
            model.train();
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                lastLoss = loss.item<float>();
            }

            foreach (var old in replay.Take(options.ReplayBatches))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(old["data"]), old["label"]).backward();
                optimizer.step();
            }

            string path = Path.Combine(options.OutputDir, $"task{taskId}-epoch{epoch}.bin");
            await Task.Run(() => model.save(path), token);
            await File.AppendAllTextAsync(Path.Combine(options.OutputDir, "progress.tsv"), $"{taskId}\t{epoch}\t{lastLoss:F4}\n", token);
        }
        return lastLoss;
    }
}
