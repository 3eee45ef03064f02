// Scenario: a P×K metric-learning loop sets the epoch through an `Action<int> beginEpoch = loader.SetEpoch;` local, and still carries the line `if (loader is { Sampler: IEpochAware s }) s.SetEpoch(epoch);` from the PyTorch port; the delegate already sets the whole loader, batch sampler included (correct, no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind11.ActionLocalWithLeftoverSamplerPattern;

public static class Program
{
    public static void Main()
    {
        const int n = 3000;
        var labels = Enumerable.Range(0, n).Select(i => (long)(i % 30)).ToArray();
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(n, 64),
            ["label"] = tensor(labels),
        });
        using var loader = new EpochDataLoader(data,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 6, samplesPerClass: 5, seed: 8));

        var embed = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 32));
        var optimizer = optim.Adam(embed.parameters(), lr: 1e-3);
        Action<int> beginEpoch = loader.SetEpoch;

        for (int epoch = 0; epoch < 25; epoch++)
        {
            beginEpoch(epoch);
            // From the PyTorch port (train_loader.sampler.set_epoch); harmless here.
            if (loader is { Sampler: IEpochAware s }) s.SetEpoch(epoch);

            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var z = nn.functional.normalize(embed.forward(batch["data"]), p: 2, dim: 1);
                var y = batch["label"];
                var sim = z.matmul(z.t());
                var same = y.unsqueeze(1).eq(y.unsqueeze(0)).to_type(ScalarType.Float32);
                var loss = nn.functional.binary_cross_entropy_with_logits(sim * 10f, same);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}");
        }
    }
}
