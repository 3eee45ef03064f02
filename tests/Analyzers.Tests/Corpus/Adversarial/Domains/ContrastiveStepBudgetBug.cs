// Scenario: sentence-embedding training with in-batch negatives (SimCSE-style pairs) on a step budget, as Hugging Face scripts do with max_steps; the user detects the epoch boundary inside the batch loop from the step count and only then calls Epochs.SetEpoch, after the new pass has already fixed its order, so the second pass replays the first one's order and each later pass is one epoch behind (wrong: CMP005 at the setter).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Domains.ContrastiveStepBudgetBug;

public sealed class PairEncoder : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Embedding _tokens;
    private readonly TorchSharp.Modules.Linear _pool;

    public PairEncoder(long vocab, long dim) : base(nameof(PairEncoder))
    {
        _tokens = nn.Embedding(vocab, dim, padding_idx: 0);
        _pool = nn.Linear(dim, dim);
        RegisterComponents();
    }

    public override Tensor forward(Tensor ids)
    {
        var mask = ids.ne(0).unsqueeze(-1).to_type(ScalarType.Float32);
        var mean = (_tokens.call(ids) * mask).sum(1) / mask.sum(1).clamp_min(1);
        return nn.functional.normalize(_pool.call(mean), dim: -1);
    }
}

public static class SentenceEmbeddingTrainer
{
    public static void Train(InMemoryDataset pairs, long maxSteps, double scale = 20.0)
    {
        // pairs: "anchor" and "positive" token ids, padded to 64.
        using var loader = new EpochDataLoader(pairs, batchSize: 128, shuffle: true, dropLast: true, seed: 42);
        var model = new PairEncoder(vocab: 32_000, dim: 384);
        var optimizer = optim.AdamW(model.parameters(), lr: 5e-5);
        var warmup = optim.lr_scheduler.LinearLR(optimizer, start_factor: 0.01, end_factor: 1.0, total_iters: 1000);

        long stepsPerEpoch = loader.Count;
        long step = 0;
        int epoch = 0;
        while (step < maxSteps)
        {
            foreach (var batch in loader)
            {
                if (step > 0 && step % stepsPerEpoch == 0)
                {
                    epoch++;
                    Epochs.SetEpoch(loader, epoch); //! CMP005
                    Console.WriteLine($"starting epoch {epoch} at step {step}");
                }

                using var scope = torch.NewDisposeScope();
                var a = model.call(batch["anchor"]);
                var p = model.call(batch["positive"]);
                var logits = torch.mm(a, p.t()) * scale;
                var loss = nn.functional.cross_entropy(logits, torch.arange(a.shape[0]));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                warmup.step();

                step++;
                if (step >= maxSteps) break;
            }
        }
    }
}
