// Scenario: environmental-sound classification on variable-length recordings: the typed data set takes a random 5-second crop and gain per sample from the runtime's SampleRandom, the training EpochDataLoader<,> shuffles, and the async training method sets its epoch at the top of every epoch (which both reshuffles and redraws the crops) inside try/finally; the eval loader reads fixed centre crops in order and rank 0 alone writes checkpoints (right, no diagnostic).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Domains.AudioRandomCropsRandomized;

public sealed record SoundClip(float[] Wave, long Label);

public sealed class SoundCropDataset : torch.utils.data.Dataset<SoundClip>, IRandomizedDataset<SoundClip>
{
    private readonly IReadOnlyList<SoundClip> _recordings;
    private readonly int _cropLength;

    public SoundCropDataset(IReadOnlyList<SoundClip> recordings, int cropLength)
    {
        _recordings = recordings;
        _cropLength = cropLength;
    }

    public override long Count => _recordings.Count;

    // Deterministic centre crop, used when no generator is given (evaluation).
    public override SoundClip GetTensor(long index) => Crop(_recordings[(int)index], start: null, gain: 1f);

    // Random crop and gain, drawn from the sample's own generator: same in any order and on any worker, new every epoch.
    public SoundClip GetSample(long index, SampleRandom random)
    {
        var clip = _recordings[(int)index];
        int slack = Math.Max(0, clip.Wave.Length - _cropLength);
        return Crop(clip, random.Next(slack + 1), gain: 0.5f + random.NextSingle());
    }

    private SoundClip Crop(SoundClip clip, int? start, float gain)
    {
        int from = start ?? Math.Max(0, (clip.Wave.Length - _cropLength) / 2);
        var wave = new float[_cropLength];
        int n = Math.Min(_cropLength, clip.Wave.Length - from);
        for (int i = 0; i < n; i++) wave[i] = clip.Wave[from + i] * gain;
        return new SoundClip(wave, clip.Label);
    }

    public static Dictionary<string, Tensor> Collate(IReadOnlyList<SoundClip> clips, Device device) => new()
    {
        ["wave"] = torch.stack(clips.Select(c => torch.tensor(c.Wave)).ToArray()).unsqueeze(1).to(device),
        ["label"] = torch.tensor(clips.Select(c => c.Label).ToArray()).to(device),
    };
}

public static class SoundTraining
{
    public static async Task TrainAsync(IReadOnlyList<SoundClip> trainClips, IReadOnlyList<SoundClip> evalClips, int classes, int epochs, string checkpointDir, CancellationToken ct)
    {
        const int Crop = 5 * 22_050;
        var train = new EpochDataLoader<SoundClip, Dictionary<string, Tensor>>(
            new SoundCropDataset(trainClips, Crop), SoundCropDataset.Collate, batchSize: 32, shuffle: true, seed: 99, workers: 2, disposeDataset: true);
        var eval = new EpochDataLoader<SoundClip, Dictionary<string, Tensor>>(
            new SoundCropDataset(evalClips, Crop), SoundCropDataset.Collate, batchSize: 64, disposeDataset: true);

        var net = nn.Sequential(
            nn.Conv1d(1, 32, 80, stride: 16), nn.BatchNorm1d(32), nn.ReLU(), nn.MaxPool1d(4),
            nn.Conv1d(32, 64, 3), nn.BatchNorm1d(64), nn.ReLU(), nn.AdaptiveAvgPool1d(1),
            nn.Flatten(), nn.Linear(64, classes));
        var optimizer = optim.Adam(net.parameters(), lr: 3e-4);
        try
        {
            for (int epoch = 0; epoch < epochs && !ct.IsCancellationRequested; epoch++)
            {
                train.SetEpoch(epoch);
                net.train();
                foreach (var batch in train)
                {
                    using var scope = torch.NewDisposeScope();
                    var loss = nn.functional.cross_entropy(net.call(batch["wave"]), batch["label"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }

                net.eval();
                long correct = 0, seen = 0;
                using (torch.no_grad())
                {
                    foreach (var batch in eval)
                    {
                        using var scope = torch.NewDisposeScope();
                        correct += net.call(batch["wave"]).argmax(1).eq(batch["label"]).sum().item<long>();
                        seen += batch["label"].shape[0];
                    }
                }

                if (Dist.Rank == 0)
                {
                    net.save(Path.Combine(checkpointDir, $"esc-epoch{epoch:D3}.bin"));
                    await File.AppendAllTextAsync(Path.Combine(checkpointDir, "metrics.tsv"), $"{epoch}\t{(double)correct / seen:F4}\n", ct);
                }
            }
        }
        finally
        {
            train.Dispose();
            eval.Dispose();
        }
    }
}
