// Scenario: keyword spotting on Speech-Commands-style clips with TorchSharp's own DataLoader; for reproducible runs the user passes shuffle: true with seed: options.Seed to the training loader in the constructor, which re-seeds the same permutation at every enumeration, so all epochs see one order (wrong: CMP003 at that creation). The validation loader has shuffle: false and a seed, which is harmless.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Domains.AudioKeywordSpottingTorchLoader;

public sealed class KwsOptions
{
    public int Seed { get; init; } = 17;
    public int BatchSize { get; init; } = 128;
    public int Epochs { get; init; } = 30;
    public int SampleRate { get; init; } = 16_000;
}

/// <summary>One-second log-power spectrograms; clips shorter than a second are zero-padded at the end.</summary>
public sealed class KwsClipDataset : torch.utils.data.Dataset
{
    private readonly (float[] Samples, long Label)[] _clips;
    private readonly int _window;

    public KwsClipDataset(IEnumerable<(float[] Samples, long Label)> clips, int sampleRate)
    {
        _clips = clips.ToArray();
        _window = sampleRate;
    }

    public override long Count => _clips.Length;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var (samples, label) = _clips[index];
        var padded = new float[_window];
        Array.Copy(samples, padded, Math.Min(samples.Length, _window));
        var wave = torch.tensor(padded);
        var spec = torch.stft(wave, n_fft: 400, hop_length: 160, window: torch.hann_window(400), return_complex: true).abs().pow(2);
        return new Dictionary<string, Tensor> { ["mel"] = (spec + 1e-6).log().unsqueeze(0), ["label"] = torch.tensor(label) };
    }
}

public sealed class KeywordSpotter : IDisposable
{
    private readonly KwsOptions _options;
    private readonly DataLoader _train;
    private readonly DataLoader _valid;
    private readonly nn.Module<Tensor, Tensor> _net;
    private readonly optim.Optimizer _optimizer;

    public KeywordSpotter(KwsClipDataset trainSet, KwsClipDataset validSet, int numKeywords, KwsOptions options)
    {
        _options = options;
        torch.manual_seed(options.Seed);
        _train = new DataLoader(trainSet, options.BatchSize, shuffle: true, seed: options.Seed, num_worker: 4); //! CMP003
        _valid = new DataLoader(validSet, 256, shuffle: false, seed: options.Seed);
        _net = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding: 1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding: 1), nn.BatchNorm2d(64), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
            nn.Flatten(), nn.Linear(64, numKeywords));
        _optimizer = optim.AdamW(_net.parameters(), lr: 1e-3);
    }

    public void Train()
    {
        var schedule = optim.lr_scheduler.CosineAnnealingLR(_optimizer, _options.Epochs);
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            _net.train();
            foreach (var batch in _train)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(_net.call(batch["mel"]), batch["label"], label_smoothing: 0.1);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
            }
            schedule.step();
            Console.WriteLine($"epoch {epoch}: validation accuracy {Validate():P1}");
        }
    }

    private double Validate()
    {
        _net.eval();
        using var noGrad = torch.no_grad();
        long correct = 0, total = 0;
        foreach (var batch in _valid)
        {
            using var scope = torch.NewDisposeScope();
            correct += _net.call(batch["mel"]).argmax(1).eq(batch["label"]).sum().item<long>();
            total += batch["label"].shape[0];
        }
        return (double)correct / Math.Max(total, 1);
    }

    public void Dispose()
    {
        _train.Dispose();
        _valid.Dispose();
        _net.Dispose();
    }
}
