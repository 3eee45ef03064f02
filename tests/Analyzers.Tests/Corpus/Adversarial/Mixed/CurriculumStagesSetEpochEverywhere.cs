// Scenario: a Curriculum and an AugmentationSchedule of the user's own both have SetEpoch (int and long) and feed no loader; training runs in stages of epochs, and each pass sets the curriculum, the schedule and the loader to the global epoch computed from the stage and the inner loop variable; a reset to 0 and a threshold report run outside any epoch loop — correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Curriculum;

/// <summary>Admits longer sequences as training advances. Not a sampler: it crops batches.</summary>
public sealed class Curriculum(int minLength, int maxLength, int rampEpochs)
{
    public int MaxLength { get; private set; } = minLength;

    public void SetEpoch(int epoch)
    {
        var t = Math.Clamp(epoch / (double)Math.Max(1, rampEpochs), 0, 1);
        MaxLength = (int)Math.Round(minLength + t * (maxLength - minLength));
    }

    public Tensor Crop(Tensor tokens) => tokens.shape[1] <= MaxLength ? tokens : tokens.narrow(1, 0, MaxLength);
}

/// <summary>Noise strength for augmentation, decaying per epoch.</summary>
public sealed class AugmentationSchedule(double start, double decay)
{
    public double Sigma { get; private set; } = start;
    public void SetEpoch(long epoch) => Sigma = start * Math.Pow(decay, epoch);
}

public static class Difficulty
{
    public static double[] Scores(Tensor lengths)
    {
        var values = lengths.data<long>().ToArray();
        var scores = new double[values.Length];
        var max = values.Length == 0 ? 1 : values.Max();
        for (int i = 0; i < values.Length; i++) scores[i] = values[i] / (double)max;
        return scores;
    }
}

public sealed class StagedTrainer
{
    private readonly EpochDataLoader _train;
    private readonly Curriculum _curriculum = new(minLength: 8, maxLength: 64, rampEpochs: 6);
    private readonly AugmentationSchedule _noise = new(start: 0.3, decay: 0.8);
    private readonly nn.Module<Tensor, Tensor> _model;

    public StagedTrainer(long samples)
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(samples, 64),
            ["label"] = torch.randint(0, 2, new long[] { samples }),
            ["length"] = torch.randint(8, 65, new long[] { samples }),
        });
        var shard = new DistributedSampler(samples, numReplicas: 1, rank: 0, seed: 3);
        _train = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 32));
        _model = nn.Sequential(("proj", nn.Linear(64, 32)), ("act", nn.ReLU()), ("head", nn.Linear(32, 2)));
        var scores = Difficulty.Scores(data.Columns["length"]);
        Console.WriteLine($"mean difficulty {scores.Average():F3}");
    }

    public void Fit(int stages, int epochsPerStage)
    {
        var optimizer = optim.SGD(_model.parameters(), 0.05);
        for (int stage = 0; stage < stages; stage++)
        {
            for (int e = 0; e < epochsPerStage; e++)
            {
                int epoch = stage * epochsPerStage + e;
                _curriculum.SetEpoch(epoch);
                _noise.SetEpoch(epoch);
                _train.SetEpoch(epoch);
                double sum = 0;
                foreach (var batch in _train)
                {
                    var x = _curriculum.Crop(batch["data"]);
                    x = nn.functional.pad(x, new long[] { 0, 64 - x.shape[1] });
                    x = x + _noise.Sigma * torch.randn_like(x);
                    optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(_model.forward(x), batch["label"]);
                    loss.backward();
                    optimizer.step();
                    sum += loss.item<float>();
                }
                Console.WriteLine($"stage {stage} epoch {epoch}: max length {_curriculum.MaxLength}, sigma {_noise.Sigma:F3}, loss {sum / _train.Count:F4}");
            }
        }

        // Report the thresholds of each stage: a loop over numbers, outside any epoch loop.
        for (int s = 0; s < stages; s++)
        {
            _curriculum.SetEpoch(s * epochsPerStage);
            Console.WriteLine($"stage {s} starts at length {_curriculum.MaxLength}");
        }
        _curriculum.SetEpoch(0);
        _noise.SetEpoch(0);
    }
}
