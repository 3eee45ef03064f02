using Cobalt.Speech.Data;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Cobalt.Speech.Training;

public sealed class AsrTrainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
{
    public void FitUtterances(InMemoryDataset data, int epochs)
    {
        var utterances = new UtteranceLoader(data, batchSize: 16, shuffle: true, seed: 42);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            utterances.SetEpoch(0); //! CMP004 the loop iterates a listed loader, so it is an epoch loop
            foreach (var batch in utterances) Step(batch);
        }
    }

    public void FitBuckets(InMemoryDataset data, int epochs)
    {
        var bucketed = new BucketedLoader(data, new RandomSampler(data.Count, seed: 8), maxFrames: 16_000);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var e = bucketed.GetEnumerator();
            if (!e.MoveNext()) continue;
            do
            {
                bucketed.SetEpoch(epoch); //! CMP005
                Step(e.Current);
            } while (e.MoveNext());
        }
    }

    public void FitBucketsNeverSet(InMemoryDataset data, int epochs, int rank, int world)
    {
        var bucketed = new BucketedLoader(data, new DistributedSampler(data.Count, world, rank, seed: 31), 16_000);
        int epoch = 0;
        while (epoch < epochs)
        {
            var batches = bucketed.ToList(); //! CMP002
            foreach (var batch in batches) Step(batch);
            epoch++;
        }
    }

    public void FitTorchSharp(InMemoryDataset data, int epochs)
    {
        using var loader = new TorchSharp.Modules.DataLoader(data, 32, new RandomSampler(data.Count, seed: 2), disposeDataset: false);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in loader) Step(batch); //! CMP002
        }
    }

    private void Step(Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var logits = model.forward(batch["features"]);
        nn.functional.cross_entropy(logits, batch["label"]).backward();
        optimizer.step();
    }
}
