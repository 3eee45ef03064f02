// Scenario: a preemptible cloud job loads its epoch and batch position from a checkpoint, sets the loader's epoch at the top of every epoch from the loop variable, and resumes the interrupted epoch with IterateFrom — correct, no diagnostic.
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Batch.Preemptible;

public sealed record Progress(int Epoch, long BatchesDone);

public sealed class FraudScorer : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _net = nn.Sequential(
        nn.Linear(30, 64), nn.ReLU(),
        nn.Linear(64, 64), nn.ReLU(),
        nn.Linear(64, 2));

    public FraudScorer() : base(nameof(FraudScorer)) => RegisterComponents();

    public override Tensor forward(Tensor x) => _net.forward(x);
}

public sealed class PreemptibleTrainingJob
{
    private const int SaveEvery = 250;

    private readonly string _dir;

    public PreemptibleTrainingJob(string checkpointDir) => _dir = checkpointDir;

    private string ProgressFile => Path.Combine(_dir, "progress.json");
    private string WeightsFile => Path.Combine(_dir, "weights.bin");

    public void Run(InMemoryDataset transactions, int epochs, CancellationToken preempted)
    {
        var model = new FraudScorer();
        var resume = new Progress(0, 0);
        if (File.Exists(ProgressFile))
        {
            resume = JsonSerializer.Deserialize<Progress>(File.ReadAllText(ProgressFile))!;
            model.load(WeightsFile);
            Console.WriteLine($"resuming at epoch {resume.Epoch}, batch {resume.BatchesDone}");
        }

        using var train = new EpochDataLoader(transactions, batchSize: 256, shuffle: true, seed: 1337);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var weights = tensor(new float[] { 1f, 20f }); // fraud is rare

        for (int epoch = resume.Epoch; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            long done = epoch == resume.Epoch ? resume.BatchesDone : 0;

            foreach (var batch in train.IterateFrom(done))
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"], weight: weights);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                done++;

                if (done % SaveEvery == 0 || preempted.IsCancellationRequested)
                {
                    Save(model, new Progress(epoch, done));
                    preempted.ThrowIfCancellationRequested();
                }
            }

            Save(model, new Progress(epoch + 1, 0));
        }
    }

    private void Save(FraudScorer model, Progress progress)
    {
        Directory.CreateDirectory(_dir);
        model.save(WeightsFile);
        File.WriteAllText(ProgressFile, JsonSerializer.Serialize(progress));
    }
}
