using static TorchSharp.torch;

namespace MetricPk;

public sealed class PkTrainer(nn.Module<Tensor, Tensor> embedder, optim.Optimizer optimizer, double margin = 0.2)
{
    public void Fit(PkLoader loader, int epochs)
    {
        var batches = Math.Max(1, loader.Count);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double total = 0;
            foreach (var batch in loader) //! CMP002 PkLoader's batch_sampler is declared ClassBalancedBatchSampler (PkLoader.cs)
                total += Step(batch);
            Console.WriteLine($"epoch {epoch}: triplet loss {total / batches:F4}");
        }
    }

    public void FitFromCheckpoint(PkLoader loader, int startEpoch, int epochs)
    {
        void Reshuffle(int e) => loader.set_epoch(e); //! CMP004 called as Reshuffle(startEpoch) in the loop

        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            Reshuffle(startEpoch);
            foreach (var batch in loader)
                Step(batch);
        }
    }

    public double Step(Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var embeddings = nn.functional.normalize(embedder.call(batch["data"]), p: 2, dim: 1);
        var labels = batch["label"];
        var distances = cdist(embeddings, embeddings).pow(2);
        var same = labels.unsqueeze(0).eq(labels.unsqueeze(1));
        var hardestPositive = distances.masked_fill(same.logical_not(), 0).amax(1);
        var hardestNegative = distances.masked_fill(same, float.PositiveInfinity).amin(1);
        var loss = nn.functional.relu(hardestPositive - hardestNegative + margin).mean();
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}
