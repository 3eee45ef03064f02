// Scenario: a resumable trainer sets its loader's epoch correctly, but its warm-restart LR schedule (a user type with SetEpoch(int)) is given the resume epoch on every pass instead of the current one: CMP004 on that call.
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Resume;

public sealed record TrainingCheckpoint(int Epoch, double BestLoss, string WeightsPath)
{
    public static TrainingCheckpoint? TryLoad(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<TrainingCheckpoint>(File.ReadAllText(path)) : null;

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this));
}

/// <summary>SGDR: cosine within each cycle, cycles doubling in length.</summary>
public sealed class WarmRestarts(optim.Optimizer optimizer, double maxLr, double minLr, int firstCycle)
{
    public double Lr { get; private set; } = maxLr;

    public void SetEpoch(int epoch)
    {
        int cycle = firstCycle, start = 0;
        while (epoch >= start + cycle) { start += cycle; cycle *= 2; }
        var t = (epoch - start) / (double)cycle;
        Lr = minLr + 0.5 * (maxLr - minLr) * (1 + Math.Cos(Math.PI * t));
        foreach (var group in optimizer.ParamGroups) group.LearningRate = Lr;
    }
}

public sealed class ResumableTrainer
{
    private readonly string _folder;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(("fc1", nn.Linear(20, 64)), ("act", nn.ReLU()), ("fc2", nn.Linear(64, 5)));

    public ResumableTrainer(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
    }

    private string CheckpointPath => Path.Combine(_folder, "last.json");

    public static List<(string Name, long Count)> ParameterGroups(nn.Module<Tensor, Tensor> model)
    {
        var groups = new List<(string, long)>();
        foreach (var (name, p) in model.named_parameters())
            groups.Add((name.EndsWith("bias") ? "no_decay/" + name : "decay/" + name, p.numel()));
        return groups;
    }

    public void Fit(InMemoryDataset data, int epochs, int seed)
    {
        var checkpoint = TrainingCheckpoint.TryLoad(CheckpointPath);
        int startEpoch = checkpoint is null ? 0 : checkpoint.Epoch + 1;
        double best = checkpoint?.BestLoss ?? double.PositiveInfinity;
        if (checkpoint is not null && File.Exists(checkpoint.WeightsPath)) _model.load(checkpoint.WeightsPath);

        foreach (var (name, count) in ParameterGroups(_model)) Console.WriteLine($"{name}: {count}");

        var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: seed);
        var optimizer = optim.SGD(_model.parameters(), 0.1, momentum: 0.9, weight_decay: 5e-4);
        var schedule = new WarmRestarts(optimizer, maxLr: 0.1, minLr: 1e-4, firstCycle: 2);

        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            schedule.SetEpoch(startEpoch); //! CMP004
            double sum = 0;
            foreach (var batch in train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }

            var mean = sum / Math.Max(1, train.Count);
            var weights = Path.Combine(_folder, $"epoch{epoch}.bin");
            _model.save(weights);
            if (mean < best) best = mean;
            new TrainingCheckpoint(epoch, best, weights).Save(CheckpointPath);
            Console.WriteLine($"epoch {epoch}: loss {mean:F4}, lr {schedule.Lr:E2}, best {best:F4}");
        }
    }

    public static void Main(string[] args)
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(3000, 20),
            ["label"] = torch.randint(0, 5, new long[] { 3000 }),
        });
        new ResumableTrainer(args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "resume-demo")).Fit(data, epochs: 10, seed: 31);
    }
}
