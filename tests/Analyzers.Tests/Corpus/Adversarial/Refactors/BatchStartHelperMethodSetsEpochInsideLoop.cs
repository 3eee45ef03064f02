// Scenario: per-batch bookkeeping moved into a static helper method OnBatchStart(loader, epoch, step) that sets the epoch when step == 0; called inside the batch loop it is one epoch late (wrong at run time), but CMP005 counts only setter calls written in the iteration, not helper methods (not flagged), and CMP002 counts the helper's setter as handling the pass.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Fraud.Scoring;

public static class TransactionModelTraining
{
    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset transactions, int epochs)
    {
        using var train = new EpochDataLoader(transactions, batchSize: 512,
            sampler: new RandomSampler(transactions.Count, seed: 90210));
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var positiveWeight = torch.tensor(25.0f);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            long step = 0;
            foreach (var batch in train)
            {
                OnBatchStart(train, epoch, step);
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var logits = model.call(batch["data"]).squeeze(-1);
                var loss = nn.functional.binary_cross_entropy_with_logits(logits, batch["label"], pos_weights: positiveWeight);
                loss.backward();
                optimizer.step();
                step++;
            }
        }
    }

    static void OnBatchStart(EpochDataLoader loader, int epoch, long step)
    {
        if (step == 0)
        {
            loader.SetEpoch(epoch);
            Console.WriteLine($"epoch {epoch}: {loader.Count} batches");
        }
        if (step % 1000 == 0)
            Console.WriteLine($"  step {step}");
    }
}
