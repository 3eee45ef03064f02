// Scenario: a record of TorchSharp loaders is built by a factory with target-typed new(...); the train loader shuffles with the configured seed, so every enumeration replays one order. Wrong (CMP003 on the inner new(...) of the train loader).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam.B.RecordFactoryTargetTypedTorchLoader;

public sealed record Splits(DataLoader Train, DataLoader Eval) : IDisposable
{
    public void Dispose()
    {
        Train.Dispose();
        Eval.Dispose();
    }
}

public sealed record RunConfig(int BatchSize, int Seed, int Epochs, double LearningRate);

public static class SplitFactory
{
    public static Splits Build(InMemoryDataset train, InMemoryDataset eval, RunConfig config) =>
        new(new(train, config.BatchSize, shuffle: true, seed: config.Seed), //! CMP003
            new(eval, config.BatchSize * 2));
}

public static class Runner
{
    public static void Run(nn.Module<Tensor, Tensor> model, InMemoryDataset train, InMemoryDataset eval, RunConfig config)
    {
        using var splits = SplitFactory.Build(train, eval, config);
        var optimizer = optim.AdamW(model.parameters(), config.LearningRate);
        for (int epoch = 0; epoch < config.Epochs; epoch++)
        {
            model.train();
            foreach (var batch in splits.Train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
            }

            model.eval();
            using (no_grad())
            {
                double total = 0;
                foreach (var batch in splits.Eval)
                    total += nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]).item<float>();
                Console.WriteLine($"epoch {epoch}: eval mse {total / Math.Max(splits.Eval.Count, 1):F5}");
            }
        }
    }
}
