// Scenario: a resumable worker keeps its progress in a mutable checkpoint object and calls loader.SetEpoch(state.Epoch), advancing state.Epoch after every epoch — right, the epoch changes on every pass.
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Northwind.Training;

public sealed class RunState
{
    public int Epoch { get; set; }
    public long GlobalStep { get; set; }
    public double BestLoss { get; set; } = double.MaxValue;

    public static RunState Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<RunState>(File.ReadAllText(path)) ?? new() : new();

    public void Save(string path)
    {
        string tmp = path + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(this));
        File.Move(tmp, path, overwrite: true);
    }
}

public sealed class ResumingTrainer
{
    private readonly EpochDataLoader _loader;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(20, 40), nn.Tanh(), nn.Linear(40, 1));

    public ResumingTrainer(InMemoryDataset data)
    {
        _loader = new EpochDataLoader(data, batchSize: 32, sampler: new RandomSampler(data.Count, seed: 5));
    }

    public async Task TrainAsync(string statePath, int maxEpochs, CancellationToken ct)
    {
        var state = RunState.Load(statePath);
        var optimizer = optim.Adam(_model.parameters(), lr: 2e-3);
        var lossFn = nn.SmoothL1Loss();

        while (state.Epoch < maxEpochs && !ct.IsCancellationRequested)
        {
            _loader.SetEpoch(state.Epoch);
            double sum = 0;
            foreach (var batch in _loader)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var loss = lossFn.call(_model.call(batch["data"]), batch["target"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                state.GlobalStep++;
            }

            double mean = sum / Math.Max(1, _loader.Count);
            if (mean < state.BestLoss) state.BestLoss = mean;
            state.Epoch++;
            state.Save(statePath);
            await Task.Delay(10, ct);
        }
    }
}
