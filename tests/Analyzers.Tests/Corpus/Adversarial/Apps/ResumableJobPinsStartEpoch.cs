// Scenario: a resumable training job reads its start epoch from a checkpoint into a readonly field and, inside the epoch loop, passes that field to SetEpoch instead of the loop's epoch — wrong, CMP004 (every resumed epoch gets the same order).
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ingest.Training;

public sealed record JobCheckpoint(int NextEpoch, string WeightsFile, double BestLoss);

public sealed class TicketClassifier : nn.Module<Tensor, Tensor>
{
    private readonly Linear _fc1 = nn.Linear(300, 128);
    private readonly Linear _fc2 = nn.Linear(128, 12);

    public TicketClassifier() : base(nameof(TicketClassifier)) => RegisterComponents();

    public override Tensor forward(Tensor x) => _fc2.forward(nn.functional.relu(_fc1.forward(x)));
}

public sealed class ResumableTrainingJob
{
    private readonly string _folder;
    private readonly int _epochs;
    private readonly int _startEpoch;
    private readonly EpochDataLoader _train;
    private readonly TicketClassifier _model = new();
    private double _bestLoss = double.PositiveInfinity;

    public ResumableTrainingJob(string folder, InMemoryDataset tickets, int epochs)
    {
        _folder = folder;
        _epochs = epochs;
        _train = new EpochDataLoader(tickets, batchSize: 128, shuffle: true, seed: 99);

        var statePath = Path.Combine(folder, "job.json");
        if (File.Exists(statePath))
        {
            var state = JsonSerializer.Deserialize<JobCheckpoint>(File.ReadAllText(statePath))!;
            _model.load(Path.Combine(folder, state.WeightsFile));
            _startEpoch = state.NextEpoch;
            _bestLoss = state.BestLoss;
        }
    }

    public void Run(CancellationToken ct)
    {
        var optimizer = optim.Adam(_model.parameters(), lr: 5e-4);

        for (int epoch = _startEpoch; epoch < _epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            _train.SetEpoch(_startEpoch); //! CMP004

            double sum = 0;
            int steps = 0;
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                steps++;
            }

            _bestLoss = Math.Min(_bestLoss, sum / Math.Max(steps, 1));
            SaveCheckpoint(epoch + 1);
        }
    }

    private void SaveCheckpoint(int nextEpoch)
    {
        const string weights = "model.bin";
        _model.save(Path.Combine(_folder, weights));
        var json = JsonSerializer.Serialize(new JobCheckpoint(nextEpoch, weights, _bestLoss));
        File.WriteAllText(Path.Combine(_folder, "job.json"), json);
    }
}
