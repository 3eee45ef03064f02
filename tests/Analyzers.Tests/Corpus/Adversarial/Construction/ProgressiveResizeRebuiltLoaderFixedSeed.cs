// Scenario: Progressive resizing rebuilds the shuffled EpochDataLoader every epoch with seed: 1234 and never sets its epoch, so every epoch starts from the same order (bug: CMP002); the mixup partner loader is rebuilt with seed: 1234 + epoch (fine).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace ProgressiveResize;

public static class ProgressiveResizing
{
    const int Seed = 1234;

    static InMemoryDataset Resized(InMemoryDataset source, long size) => new(new Dictionary<string, Tensor>
    {
        ["data"] = nn.functional.interpolate(source.Columns["data"], size: [size, size], mode: InterpolationMode.Bilinear),
        ["label"] = source.Columns["label"].clone(),
    });

    public static void Train(InMemoryDataset full, nn.Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            long size = Math.Min(28, 16 + 4 * epoch);
            using var scaled = Resized(full, size);
            using var loader = new EpochDataLoader(scaled, batchSize: 128, shuffle: true, seed: Seed);
            using var partners = new EpochDataLoader(scaled, batchSize: 128, shuffle: true, seed: Seed + epoch);
            using var partnerBatches = partners.GetEnumerator();

            model.train();
            foreach (var batch in loader) //! CMP002
            {
                using var scope = NewDisposeScope();
                if (!partnerBatches.MoveNext()) break;
                var other = partnerBatches.Current;
                long n = Math.Min(batch["data"].shape[0], other["data"].shape[0]);
                double lambda = 0.8;
                var mixed = lambda * batch["data"][..(int)n] + (1 - lambda) * other["data"][..(int)n];
                var logits = model.forward(nn.functional.interpolate(mixed, size: [28, 28], mode: InterpolationMode.Bilinear));
                var loss = lambda * nn.functional.cross_entropy(logits, batch["label"][..(int)n])
                    + (1 - lambda) * nn.functional.cross_entropy(logits, other["label"][..(int)n]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}: trained at {size}x{size}");
        }
    }
}
