using Composer.Data;
using static TorchSharp.torch;

namespace KFoldTabular;

public sealed class CrossValidator(InMemoryDataset data, Func<nn.Module<Tensor, Tensor>> makeModel)
{
    public double[] Run(int folds, int epochs)
    {
        var splits = Folds.Split(data.Count, folds, seed: 17);
        var scores = new double[folds];
        for (int fold = 0; fold < folds; fold++)
        {
            var (trainIdx, valIdx) = splits[fold];
            var sampler = new SubsetSampler(trainIdx, seed: 17);
            using var train = new EpochDataLoader(data, batchSize: 64, sampler: sampler);
            using var val = new EpochDataLoader(data, batchSize: 256, sampler: new OrderedSubset(valIdx));
            var model = makeModel();
            using var optimizer = optim.Adam(model.parameters(), 1e-3);
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                sampler.SetEpoch(fold); //! CMP004 fold is constant across the epoch loop
                foreach (var batch in train)
                    Step(model, optimizer, batch);
            }
            scores[fold] = Evaluate(model, val);
        }
        return scores;
    }

    /// <summary>Refits on all rows once the fold scores are in.</summary>
    public nn.Module<Tensor, Tensor> Refit(int epochs)
    {
        var model = makeModel();
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        using var full = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 17);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochHelpers.BeginEpoch(full, epoch, Console.Out);
            foreach (var batch in full)
                Step(model, optimizer, batch);
        }
        return model;
    }

    /// <summary>Refits on a subset with full batches only.</summary>
    public nn.Module<Tensor, Tensor> RefitSubset(long[] rows, int epochs)
    {
        var model = makeModel();
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        using var loader = new EpochDataLoader(data,
            batchSampler: new BatchSampler(new SubsetSampler(rows, seed: 3), 32, dropLast: true));
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Console.WriteLine($"epoch {epoch}: {loader.BatchSampler.Count} full batches");
            foreach (var batch in loader) //! CMP002 only reads loader.BatchSampler.Count; epoch never set
                Step(model, optimizer, batch);
        }
        return model;
    }

    private static void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.mse_loss(model.call(batch["data"]), batch["label"]).backward();
        optimizer.step();
    }

    private static double Evaluate(nn.Module<Tensor, Tensor> model, EpochDataLoader val)
    {
        using var noGrad = no_grad();
        double total = 0;
        long rows = 0;
        foreach (var batch in val)
        {
            using var scope = NewDisposeScope();
            total += nn.functional.mse_loss(model.call(batch["data"]), batch["label"], reduction: nn.Reduction.Sum).item<float>();
            rows += batch["label"].shape[0];
        }
        return total / Math.Max(1, rows);
    }
}
