// Scenario: the batch loop was extracted into TrainOneEpoch(model, optimizer, loader, epoch), which sets the whole loader's epoch before iterating it; the sharded batch sampler reshuffles every epoch (right).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Clinical.Training;

public static class ReadmissionModel
{
    public static void Train(InMemoryDataset admissions, int epochs)
    {
        var shard = new DistributedSampler(admissions.Count, seed: 17, dropLast: true);
        using var train = new EpochDataLoader(admissions, batchSampler: new BatchSampler(shard, 64, dropLast: true));

        var model = nn.Sequential(
            ("fc1", nn.Linear(40, 128)),
            ("relu", nn.ReLU()),
            ("fc2", nn.Linear(128, 2)));
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double loss = TrainOneEpoch(model, optimizer, reducer, train, epoch);
            if (Dist.Rank == 0)
                Console.WriteLine($"epoch {epoch}: loss {loss:F4} on {Dist.WorldSize} rank(s)");
        }
    }

    static double TrainOneEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, GradientAllReducer reducer,
        EpochDataLoader loader, int epoch)
    {
        loader.SetEpoch(epoch);   // batch sampler, its DistributedSampler, everything
        model.train();
        double sum = 0;
        long steps = 0;
        foreach (var batch in loader)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
            loss.backward();
            reducer.AverageGradients();
            optimizer.step();
            sum += loss.item<float>();
            steps++;
        }
        return sum / Math.Max(1, steps);
    }
}
