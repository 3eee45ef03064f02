// Scenario: hyperparameter sweep where each trial's epoch loop sets the loader's epoch to the trial index (changes per trial, not per epoch); a bug (CMP004).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Scripts.Sweep;

public static class TrialIndexSweep
{
    public static IReadOnlyList<(double Lr, int BatchSize, double Loss)> Run(InMemoryDataset data, int epochs = 8)
    {
        (double Lr, int BatchSize)[] grid =
        [
            (1e-2, 32), (1e-2, 128),
            (1e-3, 32), (1e-3, 128),
            (1e-4, 32), (1e-4, 128),
        ];
        var results = new List<(double, int, double)>();

        for (int trial = 0; trial < grid.Length; trial++)
        {
            var (lr, batchSize) = grid[trial];
            using var train = new EpochDataLoader(data, batchSize: batchSize, shuffle: true, seed: 2024);
            var model = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 1));
            var opt = optim.Adam(model.parameters(), lr: lr);
            double last = double.NaN;

            for (int epoch = 0; epoch < epochs; epoch++)
            {
                train.SetEpoch(trial); //! CMP004
                double sum = 0;
                foreach (var batch in train)
                {
                    opt.zero_grad();
                    using var loss = nn.functional.mse_loss(model.call(batch["data"]), batch["label"]);
                    loss.backward();
                    opt.step();
                    sum += loss.item<float>();
                }
                last = sum / train.Count;
            }
            Console.WriteLine($"trial {trial}: lr={lr:g} bs={batchSize} loss={last:F4}");
            results.Add((lr, batchSize, last));
        }
        return results;
    }
}
