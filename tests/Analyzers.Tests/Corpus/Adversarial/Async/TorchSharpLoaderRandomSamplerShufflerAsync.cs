// Scenario: an async desktop training command uses TorchSharp's DataLoader with an epoch-aware RandomSampler as its shuffler (Epochs.SetEpoch every epoch), plus an auxiliary TorchSharp loader with shuffle: true and no seed — right, no diagnostic.
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sketches.Desktop;

public sealed class TrainCommand
{
    public event Action<string>? StatusChanged;

    public async Task ExecuteAsync(InMemoryDataset sketches, InMemoryDataset unlabeled, int epochs, CancellationToken ct)
    {
        // Reproducible order that still changes every epoch.
        using var train = new DataLoader(sketches, 64, new RandomSampler(sketches.Count, seed: 2023), device: CPU, disposeDataset: false);
        // Consistency regulariser: a fresh random order each time is fine here.
        using var aux = new DataLoader(unlabeled, 64, shuffle: true, device: CPU, disposeDataset: false);

        using var model = nn.Sequential(
            ("flatten", nn.Flatten()), ("fc1", nn.Linear(28 * 28, 256)), ("relu", nn.ReLU()), ("fc2", nn.Linear(256, 345)));
        using var optimizer = optim.Adam(model.parameters(), 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var sw = Stopwatch.StartNew();
            Epochs.SetEpoch(train, epoch);

            using var auxBatches = aux.GetEnumerator();
            foreach (var batch in train)
            {
                ct.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                if (auxBatches.MoveNext())
                {
                    var u = auxBatches.Current["data"];
                    var noisy = u + 0.05f * randn_like(u);
                    loss = loss + 0.1f * nn.functional.mse_loss(model.forward(noisy), model.forward(u).detach());
                }
                loss.backward();
                optimizer.step();
            }

            StatusChanged?.Invoke($"epoch {epoch + 1}/{epochs} in {sw.Elapsed.TotalSeconds:F1}s");
            await Task.Delay(10, ct);   // let the UI thread repaint
        }
    }
}
