// Scenario: a run resumed from a per-epoch checkpoint (loaded on the CPU, then moved to the GPU) sets the loader's epoch to the resume epoch on every pass — the same value each time, wrong (CMP004).
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Retail.Demand;

public sealed record RunState(int Epoch, double BestLoss);

public sealed class DemandForecastTrainer
{
    private readonly string _checkpointDir;
    private readonly Device _device = cuda.is_available() ? CUDA : CPU;

    public DemandForecastTrainer(string checkpointDir) => _checkpointDir = checkpointDir;

    private static nn.Module<Tensor, Tensor> BuildModel() =>
        nn.Sequential(nn.Linear(64, 256), nn.SiLU(), nn.Dropout(0.1), nn.Linear(256, 256), nn.SiLU(), nn.Linear(256, 1));

    public void Fit(InMemoryDataset history, int epochs)
    {
        // Load the weights on the CPU first, then move them; the optimizer is built after the move.
        var model = BuildModel();
        var state = new RunState(0, double.MaxValue);
        string statePath = Path.Combine(_checkpointDir, "state.json");
        if (File.Exists(statePath))
        {
            state = JsonSerializer.Deserialize<RunState>(File.ReadAllText(statePath))!;
            model.load(Path.Combine(_checkpointDir, $"model-{state.Epoch - 1:D3}.bin"));
        }
        model.to(_device);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3, weight_decay: 1e-5);

        using var train = new EpochDataLoader(history, batchSize: 256, shuffle: true, seed: 5, device: _device);
        int startEpoch = state.Epoch;

        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            train.SetEpoch(startEpoch); //! CMP004

            model.train();
            double total = 0;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.call(batch["x"]).squeeze(-1), batch["y"]);
                loss.backward();
                nn.utils.clip_grad_norm_(model.parameters(), 5.0);
                optimizer.step();
                total += loss.item<float>();
            }

            double mean = total / train.Count;
            state = new RunState(epoch + 1, Math.Min(state.BestLoss, mean));
            // One checkpoint per epoch; a restart loads it on the CPU first (above).
            model.save(Path.Combine(_checkpointDir, $"model-{epoch:D3}.bin"));
            File.WriteAllText(statePath, JsonSerializer.Serialize(state));
            Console.WriteLine($"epoch {epoch}: loss {mean:F5} (best {state.BestLoss:F5})");
        }
    }
}
