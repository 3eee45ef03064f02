// Scenario: a console program keeps its shuffling loader in a static field that `Main` assigns as `Program.Train = new EpochDataLoader(…, shuffle: true)`; the training loop never sets its epoch: wrong - CMP002 (the assignment is inside the field's own type, in this file).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.StaticLoaderAssignedViaTypeName;

public static class Program
{
    internal static EpochDataLoader? Train;
    internal static EpochDataLoader? Validation;
    private static readonly nn.Module<Tensor, Tensor> Model = nn.Sequential(nn.Linear(8, 32), nn.Tanh(), nn.Linear(32, 1));

    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(2048, 8), ["target"] = randn(2048, 1) });
        Program.Train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 2024);
        Program.Validation = new EpochDataLoader(data, batchSize: 512);
        Fit(epochs: 12);
    }

    private static void Fit(int epochs)
    {
        var optimizer = optim.Adam(Model.parameters(), lr: 3e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in Train!) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.mse_loss(Model.forward(batch["data"]), batch["target"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }

            using (no_grad())
            {
                double total = 0;
                foreach (var batch in Validation!)
                    total += nn.functional.mse_loss(Model.forward(batch["data"]), batch["target"]).item<float>();
                Console.WriteLine($"epoch {epoch}: val {total:F4}");
            }
        }
    }
}
