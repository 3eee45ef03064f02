// Scenario: a checkpoint manager's Restore(…) puts the data order back by setting `(loader.Sampler as IEpochAware)?.SetEpoch(ckpt.Epoch)` on the loader it is handed; the loader comes from the caller and may draw from a batch sampler (P×K, DDP), whose epoch is never restored — wrong (CMP001)
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Retrieval.Training;

public sealed record TrainingCheckpoint(int Epoch, long BatchInEpoch, string WeightsPath, string OptimizerPath);

/// <summary>Writes and reads the checkpoints of a metric-learning run so a preempted job can continue mid-epoch.</summary>
public sealed class CheckpointManager
{
    private readonly string _folder;
    private readonly int _keep;

    public CheckpointManager(string folder, int keep = 3)
    {
        _folder = folder;
        _keep = keep;
        Directory.CreateDirectory(folder);
    }

    public void Save(nn.Module model, TorchSharp.Modules.OptimizerHelper optimizer, int epoch, long batchInEpoch)
    {
        var stem = Path.Combine(_folder, $"ep{epoch:D3}-ba{batchInEpoch:D6}");
        model.save(stem + ".weights");
        optimizer.save_state_dict(stem + ".optim");
        var ckpt = new TrainingCheckpoint(epoch, batchInEpoch, stem + ".weights", stem + ".optim");
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(ckpt));
        Prune();
    }

    public TrainingCheckpoint? TryLoadLatest()
    {
        var latest = Directory.EnumerateFiles(_folder, "*.json").OrderBy(f => f, StringComparer.Ordinal).LastOrDefault();
        return latest is null ? null : JsonSerializer.Deserialize<TrainingCheckpoint>(File.ReadAllText(latest));
    }

    /// <summary>Restores weights, optimizer and the data order; returns the batches of the epoch already done.</summary>
    public long Restore(TrainingCheckpoint ckpt, nn.Module model, TorchSharp.Modules.OptimizerHelper optimizer, EpochDataLoader loader)
    {
        model.load(ckpt.WeightsPath);
        optimizer.load_state_dict(ckpt.OptimizerPath);

        // Reshuffle exactly as the interrupted epoch did, so the skipped batches are the ones already seen.
        (loader.Sampler as IEpochAware)?.SetEpoch(ckpt.Epoch); //! CMP001
        return ckpt.BatchInEpoch;
    }

    private void Prune()
    {
        var stems = Directory.EnumerateFiles(_folder, "*.json")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => Path.ChangeExtension(f, null))
            .ToList();
        foreach (var stem in stems.Take(Math.Max(0, stems.Count - _keep)))
            foreach (var ext in new[] { ".json", ".weights", ".optim" })
                File.Delete(stem + ext);
    }
}
