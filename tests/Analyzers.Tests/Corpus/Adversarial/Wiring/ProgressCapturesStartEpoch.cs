// Scenario: a resumed run wires an IProgress<int> whose handler ignores the reported epoch and sets the captured startEpoch, then reports each epoch before iterating the RandomSampler loader (every epoch gets startEpoch's order) — wrong, CMP002 on the foreach over train (a lambda that passes a captured value counts where it is written, before the loop)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.ProgressCapturesStartEpoch;

/// <summary>Reports synchronously, on the caller's thread (System.Progress posts to the thread pool).</summary>
public sealed class InlineProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}

public static class ResumedPretraining
{
    public static void Run(InMemoryDataset data, nn.Module<Tensor, Tensor> model, int startEpoch, int epochs)
    {
        using var train = new EpochDataLoader(data, batchSize: 64, sampler: new RandomSampler(data.Count, seed: 21));
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.01, momentum: 0.9);

        // Restore the sampler to where the checkpoint left it.
        IProgress<int> epochProgress = new InlineProgress<int>(_ => train.SetEpoch(startEpoch));
        IProgress<int> console = new InlineProgress<int>(e => Console.WriteLine($"epoch {e + 1}/{epochs}"));

        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            epochProgress.Report(epoch);
            console.Report(epoch);
            model.train();
            foreach (var batch in train) //! CMP002
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }

    public static void Main(string[] args)
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(3000, 16),
            ["label"] = torch.randint(0, 4, 3000, dtype: ScalarType.Int64),
        });
        var model = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 4));
        int resumeFrom = args.Length > 0 ? int.Parse(args[0]) : 3;
        Run(data, model, startEpoch: resumeFrom, epochs: 10);
    }
}
