// Scenario: the batch sampler's epoch is set through `loader is { BatchSampler: IEpochAware b }` on the first step inside the batch loop (one epoch late), and a probe loader's sampler is set through a property pattern with the constant 0 (both wrong).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind11.PropertyPatternSetterInsideBatchLoop;

public static class Training
{
    public static void Fit(EpochDataLoader loader, InMemoryDataset holdout, nn.Module<Tensor, Tensor> model, int epochs)
    {
        using var probe = new EpochDataLoader(holdout, batchSize: 512, sampler: new RandomSampler(holdout.Count, seed: 99));
        var optimizer = optim.Adam(model.parameters(), lr: 5e-4);
        var scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, epochs);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (probe is { Sampler: IEpochAware ps }) ps.SetEpoch(0); //! CMP004

            long step = 0;
            foreach (var batch in loader)
            {
                if (step == 0 && loader is { BatchSampler: IEpochAware b }) b.SetEpoch(epoch); //! CMP005

                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                step++;
            }
            scheduler.step();

            using (no_grad())
            {
                var sample = probe.First();
                var loss = nn.functional.cross_entropy(model.forward(sample["data"]), sample["label"]).item<float>();
                Console.WriteLine($"epoch {epoch}: {step} steps, probe loss {loss:F4}");
            }
        }
    }
}
