// Scenario: after each epoch's batches a trainer does rank-0 work (validation, checkpoint) behind `if (!IsMainProcess) continue;` and, at the end of that rank-0 tail, prepares the next epoch with `train.SetEpoch(epoch + 1)`. Only rank 0 ever reaches the setter; every other rank iterates the shard in epoch 0's order forever. Wrong: CMP002 requires the pass to handle the epoch "on every rank that iterates it" and flags an epoch set only where some ranks go (here the rest of the pass after a rank-dependent `continue`).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.NextEpochSetAfterRankContinue;

public sealed class DdpTrainer(Module<Tensor, Tensor> model, string checkpointDir)
{
    private static bool IsMainProcess => Dist.Rank == 0;

    public void Fit(InMemoryDataset data, InMemoryDataset validation, int epochs)
    {
        Dist.Initialize();
        var shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 31);
        using var train = new EpochDataLoader(data, batchSize: 64, sampler: shard);
        using var val = new EpochDataLoader(validation, batchSize: 256);
        var optimizer = optim.Adam(model.parameters(), lr: 3e-4);
        train.SetEpoch(0);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.cross_entropy(model.call(batch["x"]), batch["y"]);
                loss.backward();
                foreach (var p in model.parameters())
                    if (p.grad is { } g) Dist.AllReduce(g);
                optimizer.step();
            }

            Dist.Barrier();
            if (!IsMainProcess) continue;

            var accuracy = Validate(val);
            Console.WriteLine($"epoch {epoch}: val accuracy {accuracy:P2}");
            model.save(Path.Combine(checkpointDir, $"epoch-{epoch:D3}.bin"));
            train.SetEpoch(epoch + 1);
        }
    }

    private double Validate(EpochDataLoader loader)
    {
        model.eval();
        using var noGrad = no_grad();
        long correct = 0, seen = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            correct += model.call(batch["x"]).argmax(1).eq(batch["y"]).sum().item<long>();
            seen += batch["y"].shape[0];
        }
        return seen == 0 ? 0 : (double)correct / seen;
    }
}
