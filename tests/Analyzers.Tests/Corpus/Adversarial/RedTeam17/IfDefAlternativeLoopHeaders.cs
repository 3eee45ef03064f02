// Scenario: Debug builds run one epoch, Release builds all of them (two `for` headers in #if DEBUG / #else / #endif over one body); the P×K loader's epoch is never set: wrong - CMP002.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.IfDefAlternativeLoopHeaders;

public static class Program
{
    public static void Main(string[] args)
    {
        int epochs = args.Length > 0 ? int.Parse(args[0]) : 20;
        var labels = Enumerable.Range(0, 960).Select(i => (long)(i % 12)).ToList();
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(960, 24), ["label"] = tensor(labels.ToArray()) });
        using var pk = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 6, samplesPerClass: 8, seed: 2));
        var embed = nn.Sequential(nn.Linear(24, 48), nn.ReLU(), nn.Linear(48, 8));
        var optimizer = optim.Adam(embed.parameters(), lr: 1e-3);

#if DEBUG
        for (int epoch = 0; epoch < 1; epoch++) // one epoch is enough to see it run
#else
        for (int epoch = 0; epoch < epochs; epoch++)
#endif
        {
            foreach (var batch in pk) //! CMP002
            {
                using var scope = NewDisposeScope();
                var z = nn.functional.normalize(embed.forward(batch["data"]), dim: 1);
                var loss = (1 - z.matmul(z.t())).mean();
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
