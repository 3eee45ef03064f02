// Scenario: two levels of helpers: the epoch loop calls RunEpoch(model, train, optimizer, scheduler, epoch), which logs the epoch and calls TrainBatches(model, loader, optimizer), which iterates the loader. Nobody sets the epoch of the BatchSampler-over-DistributedSampler loader. Iteration is followed "through such helpers calling one another, to any depth", so CMP002 sits on `train` in the outer call.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.TwoLevelHelpersForgotten;

public sealed record EpochStats(int Epoch, double Loss, double LearningRate);

public static class Program
{
    public static void Main()
    {
        const int worldSize = 4, rank = 1;
        var corpus = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["tokens"] = randn(16_384, 48),
            ["next"] = randint(0, 48, new long[] { 16_384 }),
        });
        using var train = new EpochDataLoader(corpus,
            batchSampler: new BatchSampler(new DistributedSampler(corpus.Count, numReplicas: worldSize, rank: rank, seed: 8), 32, dropLast: true));

        var lm = nn.Sequential(("emb", nn.Linear(48, 96)), ("act", nn.GELU()), ("head", nn.Linear(96, 48)));
        var optimizer = optim.AdamW(lm.parameters(), lr: 6e-4, weight_decay: 0.1);
        var scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, 40);

        var history = new List<EpochStats>();
        for (int epoch = 0; epoch < 40; epoch++)
        {
            history.Add(RunEpoch(lm, train, optimizer, scheduler, epoch)); //! CMP002
            if (history.Count > 5 && history[^1].Loss > history[^5].Loss)
            {
                Console.WriteLine("loss went up over 5 epochs; stopping");
                break;
            }
        }
    }

    static EpochStats RunEpoch(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, optim.Optimizer optimizer,
        optim.lr_scheduler.LRScheduler scheduler, int epoch)
    {
        Console.WriteLine($"=== epoch {epoch} ({loader.Count} batches on this rank) ===");
        var loss = TrainBatches(model, loader, optimizer);
        var lr = scheduler.get_last_lr().First();
        scheduler.step();
        return new EpochStats(epoch, loss, lr);
    }

    static double TrainBatches(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, optim.Optimizer optimizer)
    {
        model.train();
        double sum = 0;
        var n = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(batch["tokens"]), batch["next"]);
            loss.backward();
            nn.utils.clip_grad_norm_(model.parameters(), 1.0);
            optimizer.step();
            sum += loss.item<float>();
            n++;
        }
        return sum / Math.Max(n, 1);
    }
}
