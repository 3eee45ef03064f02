// Scenario: an async training loop sets the shuffled loader's epoch with Epochs.SetEpoch before each epoch, evaluates on an unshuffled test loader, then saves a checkpoint and uploads it with retries and Task.Delay back-off — right, no diagnostic.
using System.Net.Http.Headers;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Apparel.Training;

public sealed class CheckpointingTrainer(HttpClient artifactStore, string runName)
{
    public async Task<double> TrainAsync(int epochs, CancellationToken ct)
    {
        using var trainSet = new FashionMnist(train: true);
        using var testSet = new FashionMnist(train: false);
        using var train = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: 42, prefetch: true);
        using var test = new EpochDataLoader(testSet, batchSize: 1000);

        using var model = nn.Sequential(
            ("conv", nn.Conv2d(1, 32, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()), ("fc1", nn.Linear(32 * 14 * 14, 128)), ("relu2", nn.ReLU()), ("fc2", nn.Linear(128, 10)));
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 5, gamma: 0.5);

        double accuracy = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(train, epoch);

            model.train();
            foreach (var batch in train)
            {
                ct.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            scheduler.step();

            model.eval();
            long correct = 0;
            using (no_grad())
            {
                foreach (var batch in test)
                    correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            }
            accuracy = correct / (double)testSet.Count;

            var file = Path.Combine(Path.GetTempPath(), $"{runName}-ep{epoch}.bin");
            await Task.Run(() => model.save(file), ct);
            await UploadWithRetryAsync(file, ct);
        }
        return accuracy;
    }

    private async Task UploadWithRetryAsync(string file, CancellationToken ct)
    {
        var delay = TimeSpan.FromSeconds(1);
        for (int attempt = 1; attempt <= 4; attempt++)
        {
            try
            {
                await using var stream = File.OpenRead(file);
                using var content = new StreamContent(stream);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                using var response = await artifactStore.PutAsync($"runs/{runName}/{Path.GetFileName(file)}", content, ct);
                response.EnsureSuccessStatusCode();
                return;
            }
            catch (HttpRequestException) when (attempt < 4)
            {
                await Task.Delay(delay, ct);
                delay *= 2;
            }
        }
    }
}
