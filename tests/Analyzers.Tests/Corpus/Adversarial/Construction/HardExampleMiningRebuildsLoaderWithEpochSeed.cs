// Scenario: Hard-example mining rebuilds a shuffled EpochDataLoader over the mined subset on each pass of a while loop, with seed: options.Seed + epoch, so each epoch gets a new order without SetEpoch (negative).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Mining;

public sealed record MiningOptions(int Seed, int Epochs, double KeepFraction);

public static class HardExampleMining
{
    static InMemoryDataset Hardest(InMemoryDataset data, nn.Module<Tensor, Tensor> model, double keep)
    {
        using var _ = no_grad();
        var losses = nn.functional.cross_entropy(model.forward(data.Columns["data"]), data.Columns["label"], reduction: nn.Reduction.None);
        var (_, indices) = losses.topk((int)(data.Count * keep));
        return new InMemoryDataset(data.Columns.ToDictionary(c => c.Key, c => c.Value.index_select(0, indices)));
    }

    public static void Train(InMemoryDataset data, nn.Module<Tensor, Tensor> model, MiningOptions options)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        int epoch = 0;
        while (epoch < options.Epochs)
        {
            using var subset = epoch == 0 ? null : Hardest(data, model, options.KeepFraction);
            using var loader = new EpochDataLoader(subset ?? data, batchSize: 64, shuffle: true, seed: options.Seed + epoch);
            model.train();
            double total = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: {loader.Count} batches, mean loss {total / loader.Count:F4}");
            epoch++;
        }
    }
}
