// Scenario: a C# 14 extension block on the trainer, trainer.BeginEpoch(epoch), records the epoch and calls trainer.ResetData(epoch), which sets the Train property's epoch; the loop calls this.BeginEpoch before iterating Train — correct, no finding
using Composer.Data;
using static TorchSharp.torch;

namespace Blind20.ExtensionBlockOnTrainer;

public static class TrainerEpochExtensions
{
    extension(MetricTrainer trainer)
    {
        public void BeginEpoch(int epoch)
        {
            trainer.LastEpoch = epoch;
            trainer.ResetData(epoch);
        }
    }
}

public sealed class MetricTrainer : IDisposable
{
    public MetricTrainer(InMemoryDataset data, nn.Module<Tensor, Tensor> model)
    {
        Model = model;
        Train = new EpochDataLoader(data, batchSize: 64, sampler: new RandomSampler(data.Count, seed: 11));
    }

    public EpochDataLoader Train { get; }
    public nn.Module<Tensor, Tensor> Model { get; }
    public int LastEpoch { get; set; } = -1;

    internal void ResetData(int epoch) => Train.SetEpoch(epoch);

    public void Fit(int epochs)
    {
        var optimizer = optim.SGD(Model.parameters(), 0.1);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            this.BeginEpoch(epoch);
            foreach (var batch in Train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(Model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"finished epoch {LastEpoch}");
        }
    }

    public void Dispose() => Train.Dispose();
}
