using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace DdpClassifier;

/// <summary>Plain data-parallel training loop over a <see cref="DataModule"/>.</summary>
public sealed class DdpTrainer(Mlp model, optim.Optimizer optimizer)
{
    public IReadOnlyList<double> Fit(DataModule dm, ReshuffleCallback reshuffle, int epochs)
    {
        var history = new List<double>(epochs);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            reshuffle.OnEpochStart(epoch);
            model.train();
            double loss = 0;
            foreach (var batch in dm.Train)
                loss += Step(batch);

            history.Add(Evaluate(dm.Eval));
            if (Dist.Rank == 0)
                Console.WriteLine($"epoch {epoch}: loss {loss / Math.Max(1, dm.TrainBatches):F4} acc {history[^1]:P1}");
            reshuffle.OnEpochEnd(epoch);
        }
        return history;
    }

    /// <summary>Trains on one shard that the caller built (the launcher hands each rank its own).</summary>
    public void FitShard(InMemoryDataset data, DistributedSampler shard, int epochs)
    {
        using var loader = new EpochDataLoader(data, batchSize: 32, sampler: shard);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            foreach (var batch in loader) //! CMP002 sampler parameter typed DistributedSampler, epoch never set
                Step(batch);
        }
    }

    private double Step(Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var logits = model.call(batch["data"]);
        var loss = nn.functional.cross_entropy(logits, batch["label"]);
        loss.backward();
        foreach (var p in model.parameters())
            if (p.grad is { } g) Dist.AllReduce(g);
        optimizer.step();
        return loss.item<float>();
    }

    private double Evaluate(EpochDataLoader eval)
    {
        model.eval();
        using var noGrad = no_grad();
        long correct = 0, seen = 0;
        foreach (var batch in eval)
        {
            using var scope = NewDisposeScope();
            var predicted = model.call(batch["data"]).argmax(1);
            correct += predicted.eq(batch["label"]).sum().item<long>();
            seen += batch["label"].shape[0];
        }
        return seen == 0 ? 0 : (double)correct / seen;
    }
}
