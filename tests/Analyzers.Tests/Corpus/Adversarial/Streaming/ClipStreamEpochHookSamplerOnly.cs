// Scenario: an epoch-start hook of an audio streaming pipeline gets the train loader from the host (built elsewhere) and reshuffles it with `_loader.Sampler is IEpochAware`, besides re-drawing the clips' gains — wrong: the loader may draw from a batch sampler, which the hook never sets (CMP001).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace AudioStream.Training;

public interface IPipelineHook
{
    void OnEpochStart(int epoch);
    void OnEpochEnd(int epoch, double meanLoss);
}

/// <summary>Raw float32 clips, one file per clip under root/label/, decoded only when asked for.</summary>
public sealed class ClipFolder : torch.utils.data.Dataset, IEpochAware
{
    const int Samples = 16_000;
    readonly (string Path, long Label)[] _clips;
    readonly int _seed;
    int _epoch;

    public ClipFolder(string root, int seed = 0)
    {
        var labels = Directory.GetDirectories(root).Select(Path.GetFileName).Order().ToArray();
        _clips = labels
            .SelectMany((name, label) => Directory.GetFiles(Path.Combine(root, name!), "*.f32").Order().Select(f => (f, (long)label)))
            .ToArray();
        _seed = seed;
    }

    public override long Count => _clips.Length;

    // a new random gain per clip every epoch
    public void SetEpoch(int epoch) => _epoch = epoch;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var (path, label) = _clips[index];
        var bytes = File.ReadAllBytes(path);
        var wave = new float[Samples];
        Buffer.BlockCopy(bytes, 0, wave, 0, Math.Min(bytes.Length, Samples * sizeof(float)));
        var gain = 0.8f + 0.4f * (float)new Random(HashCode.Combine(_seed, _epoch, index)).NextDouble();
        return new()
        {
            ["data"] = torch.tensor(wave).mul_(gain).unsqueeze(0),
            ["label"] = torch.tensor(label),
        };
    }
}

/// <summary>Registered with the host's pipeline; the host calls it before and after each epoch.</summary>
public sealed class ReshuffleHook : IPipelineHook
{
    readonly EpochDataLoader _loader;
    readonly ClipFolder _clips;

    public ReshuffleHook(EpochDataLoader loader, ClipFolder clips)
    {
        _loader = loader;
        _clips = clips;
    }

    public void OnEpochStart(int epoch)
    {
        _clips.SetEpoch(epoch);                                             // fresh gains
        if (_loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); //! CMP001
    }

    public void OnEpochEnd(int epoch, double meanLoss) =>
        Console.WriteLine($"[clips] epoch {epoch} done, loss {meanLoss:F4}, {_loader.Count} batches");
}

/// <summary>The small 1-D conv net the pipeline trains.</summary>
public static class KeywordNet
{
    public static nn.Module<Tensor, Tensor> Create(int classes) => nn.Sequential(
        ("conv1", nn.Conv1d(1, 16, 80, stride: 16)),
        ("relu1", nn.ReLU()),
        ("pool1", nn.MaxPool1d(4)),
        ("conv2", nn.Conv1d(16, 32, 3)),
        ("relu2", nn.ReLU()),
        ("pool", nn.AdaptiveAvgPool1d(1)),
        ("flat", nn.Flatten()),
        ("fc", nn.Linear(32, classes)));
}
