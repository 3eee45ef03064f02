// Scenario: an assistant's "defensive" helper `SetEpochEverywhere(loader, epoch)` sets `loader.Sampler` when it is epoch-aware and also `loader.BatchSampler` (and the data set); the batch sampler is handled in the same member, so the sampler setter misses nothing, and the loop that calls the helper sets the distributed loader each epoch (right, no diagnostic).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace RecsysTraining;

public static class EpochUtils
{
    /// <summary>
    /// Sets the epoch on every component that might care about it (sampler, batch sampler, dataset).
    /// Safe to call even if some of them are not epoch-aware.
    /// </summary>
    public static void SetEpochEverywhere(EpochDataLoader loader, int epoch)
    {
        if (loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch);
        if (loader.BatchSampler is IEpochAware batchSampler) batchSampler.SetEpoch(epoch);
        if (loader.Dataset is IEpochAware dataset) dataset.SetEpoch(epoch);
    }
}

public sealed class MatrixFactorization : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Embedding users;
    private readonly TorchSharp.Modules.Embedding items;

    public MatrixFactorization(long numUsers, long numItems, long dim) : base(nameof(MatrixFactorization))
    {
        users = nn.Embedding(numUsers, dim);
        items = nn.Embedding(numItems, dim);
        RegisterComponents();
    }

    // pairs: (batch, 2) with user id and item id
    public override Tensor forward(Tensor pairs) => (users.call(pairs[.., 0]) * items.call(pairs[.., 1])).sum(1);
}

public static class Program
{
    public static void Main()
    {
        const int numUsers = 2_000, numItems = 5_000, numEpochs = 15;
        var pairs = torch.stack(new[] { torch.randint(0, numUsers, new long[] { 200_000 }), torch.randint(0, numItems, new long[] { 200_000 }) }, 1);
        var ratings = torch.rand(200_000) * 5;
        using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = pairs, ["label"] = ratings });

        using var loader = new EpochDataLoader(data,
            batchSampler: new BatchSampler(new DistributedSampler(data.Count, seed: 31), 1024, dropLast: true));

        var model = new MatrixFactorization(numUsers, numItems, 32);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var optimizer = optim.Adam(model.parameters(), 1e-2);

        for (int epoch = 0; epoch < numEpochs; epoch++)
        {
            EpochUtils.SetEpochEverywhere(loader, epoch);

            double mse = 0;
            long steps = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.call(batch["data"]), batch["label"]);
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
                mse += loss.item<float>();
                steps++;
            }

            if (Dist.Rank == 0)
                Console.WriteLine($"epoch {epoch + 1}/{numEpochs}: rmse {Math.Sqrt(mse / Math.Max(steps, 1)):F4}");
        }
    }
}
