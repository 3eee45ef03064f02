// Scenario: data-parallel training where the loader is given a DistributedSampler as sampler: (no batch sampler) and the epoch is set through loader.Sampler; the loader batches over that very sampler, so this is right — nothing to report.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Audio;

public sealed class GenreClassifierJob
{
    private readonly InMemoryDataset _clips;
    private readonly string _checkpoints;

    public GenreClassifierJob(InMemoryDataset clips, string checkpoints)
    {
        _clips = clips;
        _checkpoints = checkpoints;
    }

    public void Run(int epochs)
    {
        Dist.Initialize();
        var device = cuda.is_available() ? new Device(DeviceType.CUDA, Dist.LocalRank % cuda.device_count()) : CPU;

        using var loader = new EpochDataLoader(_clips, batchSize: 48,
            sampler: new DistributedSampler(_clips.Count, seed: 2718, dropLast: true), device: device, prefetch: true);

        var model = nn.Sequential(
            nn.Conv1d(1, 16, 9, stride: 4), nn.ReLU(), nn.Conv1d(16, 32, 9, stride: 4), nn.ReLU(),
            nn.AdaptiveMaxPool1d(1), nn.Flatten(), nn.Linear(32, 10));
        model.to(device);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            // Each rank reshuffles its shard with the same (seed, epoch), so the shards still partition the clips.
            if (loader.Sampler is IEpochAware shard) shard.SetEpoch(epoch);

            model.train();
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["waveform"]), batch["genre"]);
                loss.backward();
                reducer.AverageGradients();
                nn.utils.clip_grad_norm_(model.parameters(), 0.5);
                optimizer.step();
            }

            Dist.Barrier();
            if (Dist.Rank == 0)
            {
                Directory.CreateDirectory(_checkpoints);
                model.save(Path.Combine(_checkpoints, $"genre-{epoch:D2}.bin"));
            }
        }
    }
}
