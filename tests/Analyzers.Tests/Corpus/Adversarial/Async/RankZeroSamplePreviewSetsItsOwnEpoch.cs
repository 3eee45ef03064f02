// Scenario: data-parallel training where every rank sets the train loader's epoch, and rank 0 alone also sets a shuffled preview loader's epoch and reads a few of its batches to post sample predictions to a web dashboard, all inside its `if (Dist.Rank == 0)` block — right, no diagnostic.
using System.Net.Http.Json;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Vision.Ddp.Preview;

public sealed record PreviewItem(long Label, long Predicted);

public sealed class PreviewingTrainer(HttpClient dashboard)
{
    public async Task RunAsync(InMemoryDataset trainSet, InMemoryDataset previewSet, int epochs, CancellationToken ct)
    {
        using var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 10);
        using var preview = new EpochDataLoader(previewSet, batchSize: 8, shuffle: true, seed: 99);

        using var model = nn.Sequential(
            ("flatten", nn.Flatten()), ("fc1", nn.Linear(3 * 32 * 32, 256)), ("relu", nn.ReLU()), ("fc2", nn.Linear(256, 10)));
        using var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9, nesterov: true);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
            }

            if (Dist.Rank == 0)
            {
                preview.SetEpoch(epoch);         // different samples on the dashboard every epoch
                var items = new List<PreviewItem>();
                model.eval();
                using (no_grad())
                {
                    foreach (var batch in preview.Take(2))
                    {
                        var predicted = model.forward(batch["data"]).argmax(1);
                        for (int i = 0; i < predicted.shape[0]; i++)
                            items.Add(new PreviewItem(batch["label"][i].item<long>(), predicted[i].item<long>()));
                    }
                }
                try
                {
                    using var response = await dashboard.PostAsJsonAsync($"preview/{epoch}", items, ct);
                }
                catch (HttpRequestException ex)
                {
                    Console.Error.WriteLine($"preview not posted: {ex.Message}");
                }
            }
        }
    }
}
