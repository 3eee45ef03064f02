// Scenario: a DDP trainer class with a primary constructor takes the train loader from its caller and reshuffles with `if (train.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch)` only; the loader may draw from a batch sampler, whose epoch is then never set — wrong (CMP001).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Modern.Distributed;

public sealed class DdpTrainer(
    EpochDataLoader train,
    EpochDataLoader val,
    nn.Module<Tensor, Tensor> model,
    optim.Optimizer optimizer)
{
    public int LogEvery { get; init; } = 50;
    public string CheckpointDir { get; init; } = "checkpoints";

    public void Fit(int epochs)
    {
        var best = 0.0;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            // reshuffle this rank's shard for the new epoch
            if (train.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); //! CMP001

            model.train();
            var step = 0;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var logits = model.call(batch["data"]);
                var loss = nn.functional.cross_entropy(logits, batch["label"]);
                loss.backward();
                optimizer.step();

                if (++step % LogEvery == 0 && Dist.Rank == 0)
                    Console.WriteLine($"epoch {epoch,3} step {step,5}: loss {loss.item<float>():F4}");
            }

            var accuracy = Evaluate();
            if (Dist.Rank == 0 && accuracy > best)
            {
                best = accuracy;
                Directory.CreateDirectory(CheckpointDir);
                model.save(Path.Combine(CheckpointDir, "best.bin"));
            }
            Console.WriteLine($"[rank {Dist.Rank}] epoch {epoch}: val accuracy {accuracy:P2} (best {best:P2})");
        }
    }

    private double Evaluate()
    {
        model.eval();
        using var noGrad = no_grad();
        long correct = 0, total = 0;
        foreach (var batch in val)
        {
            using var scope = NewDisposeScope();
            var predicted = model.call(batch["data"]).argmax(1);
            correct += predicted.eq(batch["label"]).sum().item<long>();
            total += batch["label"].shape[0];
        }
        return total == 0 ? 0 : (double)correct / total;
    }
}
