// Scenario: gradient accumulation over `foreach (var (step, batch) in train.Select((b, i) => (i, b)))` (the author wrote .NET 9's `train.Index()`, which the corpus's .NET 8 references lack; a .NET 10 build reports the same CMP005), with `if (step == 0) Epochs.SetEpoch(train, epoch)` inside the batch loop — the enumeration has already drawn its order, so the epoch is set too late (CMP005).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Modern.Accumulation;

public static class AccumulatingLoop
{
    public static void Run(InMemoryDataset data, Module<Tensor, Tensor> model, int epochs, int accumulate = 4)
    {
        var shard = new DistributedSampler(data.Count, seed: 5, dropLast: true);
        using var train = new EpochDataLoader(data, batchSize: 16, sampler: shard);
        var optimizer = optim.Adam(model.parameters(), lr: 2e-4);

        for (var epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            optimizer.zero_grad();
            double epochLoss = 0;
            foreach (var (step, batch) in train.Select((b, i) => (i, b)))
            {
                if (step == 0) Epochs.SetEpoch(train, epoch); //! CMP005

                using var scope = NewDisposeScope();
                var loss = functional.cross_entropy(model.call(batch["data"]), batch["label"]) / accumulate;
                loss.backward();
                epochLoss += loss.item<float>();

                if ((step + 1) % accumulate == 0)
                {
                    nn.utils.clip_grad_norm_(model.parameters(), max_norm: 1.0);
                    optimizer.step();
                    optimizer.zero_grad();
                }
            }
            // a partial accumulation window at the end of the epoch still counts
            if (train.Count % accumulate != 0)
            {
                optimizer.step();
                optimizer.zero_grad();
            }
            Console.WriteLine($"epoch {epoch}: loss {epochLoss * accumulate / train.Count:F4} ({train.Count} micro-batches on this rank)");
        }
    }
}
