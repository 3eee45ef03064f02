// Scenario: a resumable async training job reads its last finished epoch from a JSON state file, then in every epoch of the loop calls train.SetEpoch(startEpoch) — the value fixed before the loop — so all resumed epochs share one order — wrong (CMP004).
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Segmentation.Jobs;

public sealed record ResumeState(int LastCompletedEpoch, string Weights);

public sealed class ResumableJob(string workDir)
{
    private string StatePath => Path.Combine(workDir, "state.json");

    private async Task<ResumeState?> LoadStateAsync(CancellationToken ct)
    {
        if (!File.Exists(StatePath)) return null;
        await using var stream = File.OpenRead(StatePath);
        return await JsonSerializer.DeserializeAsync<ResumeState>(stream, cancellationToken: ct);
    }

    private async Task SaveStateAsync(ResumeState state, CancellationToken ct)
    {
        var tmp = StatePath + ".tmp";
        await using (var stream = File.Create(tmp))
            await JsonSerializer.SerializeAsync(stream, state, cancellationToken: ct);
        File.Move(tmp, StatePath, overwrite: true);
    }

    public async Task RunAsync(InMemoryDataset tiles, int epochs, CancellationToken ct)
    {
        using var train = new EpochDataLoader(tiles, batchSize: 16, shuffle: true, seed: 3, workers: 2);
        using var model = nn.Sequential(
            ("enc", nn.Conv2d(3, 16, 3, padding: 1)), ("relu", nn.ReLU()),
            ("dec", nn.Conv2d(16, 1, 1)));
        using var optimizer = optim.Adam(model.parameters(), 1e-3);

        var state = await LoadStateAsync(ct);
        int startEpoch = state is null ? 0 : state.LastCompletedEpoch + 1;
        if (state is not null)
            model.load(Path.Combine(workDir, state.Weights));

        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            train.SetEpoch(startEpoch); //! CMP004
            foreach (var batch in train)
            {
                ct.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.binary_cross_entropy_with_logits(model.forward(batch["image"]), batch["mask"]);
                loss.backward();
                optimizer.step();
            }

            var weights = $"model-ep{epoch}.bin";
            model.save(Path.Combine(workDir, weights));
            await SaveStateAsync(new ResumeState(epoch, weights), ct);
        }
    }
}
