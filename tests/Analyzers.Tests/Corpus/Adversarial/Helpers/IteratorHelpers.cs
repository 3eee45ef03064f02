// Scenario: the epoch loop reads batches through helpers: a synchronous IEnumerable wrapper WithProgress(loader) that yields the loader's batches and an async iterator StreamAsync(loader) consumed with await foreach. Neither loader's epoch is set. Both are "a call of a method in view that iterates L", the async one explicitly ("`await foreach (var b in Stream(L))` over an async iterator method that iterates `L`"), so CMP002 sits on each loader argument.
using System.Runtime.CompilerServices;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.IteratorHelpers;

public static class Program
{
    public static async Task Main()
    {
        var pairs = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["anchor"] = randn(4096, 64),
            ["positive"] = randn(4096, 64),
        });
        using var contrastive = new EpochDataLoader(pairs, batchSize: 256, shuffle: true, seed: 99);
        using var regularizer = new EpochDataLoader(pairs, batchSize: 256,
            sampler: new DistributedSampler(pairs.Count, numReplicas: 1, rank: 0, seed: 3));

        var encoder = nn.Sequential(("proj", nn.Linear(64, 128)), ("act", nn.ReLU()), ("out", nn.Linear(128, 32)));
        var optimizer = optim.Adam(encoder.parameters(), lr: 1e-3);
        using var cts = new CancellationTokenSource();

        for (var epoch = 0; epoch < 12; epoch++)
        {
            foreach (var (batch, step) in WithProgress(contrastive, $"epoch {epoch}")) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var a = nn.functional.normalize(encoder.forward(batch["anchor"]), dim: 1);
                var p = nn.functional.normalize(encoder.forward(batch["positive"]), dim: 1);
                var logits = a.matmul(p.t()) / 0.07;
                var loss = nn.functional.cross_entropy(logits, arange(logits.shape[0]));
                loss.backward();
                optimizer.step();
            }

            await foreach (var batch in StreamAsync(regularizer, cts.Token)) //! CMP002
            {
                using var scope = NewDisposeScope();
                var z = encoder.forward(batch["anchor"]);
                Console.WriteLine($"embedding norm {z.norm().item<float>():F3}");
            }
        }
    }

    static IEnumerable<(Dictionary<string, Tensor> Batch, int Step)> WithProgress(EpochDataLoader loader, string label)
    {
        var step = 0;
        foreach (var batch in loader)
        {
            if (step % 50 == 0) Console.WriteLine($"{label}: {step}/{loader.Count}");
            yield return (batch, step++);
        }
    }

    static async IAsyncEnumerable<Dictionary<string, Tensor>> StreamAsync(
        EpochDataLoader loader, [EnumeratorCancellation] CancellationToken token = default)
    {
        foreach (var batch in loader)
        {
            token.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return batch;
        }
    }
}
