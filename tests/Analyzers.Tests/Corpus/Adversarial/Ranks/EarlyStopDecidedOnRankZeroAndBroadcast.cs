// Scenario: every rank sets the loader's epoch; evaluation every k epochs on all ranks through an unshuffled DistributedSampler, rank 0 decides early stopping and broadcasts it, everybody breaks — right
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Forecasting;

public static class DdpRegression
{
    public static void Fit(InMemoryDataset trainSet, InMemoryDataset valSet, nn.Module<Tensor, Tensor> model,
                           int maxEpochs = 200, int evalEvery = 5, int patience = 4)
    {
        var isMainProcess = Dist.Rank == 0;
        using var train = new EpochDataLoader(trainSet, batchSize: 256,
            sampler: new DistributedSampler(trainSet.Count, seed: 2023));
        using var val = new EpochDataLoader(valSet, batchSize: 1024,
            sampler: new DistributedSampler(valSet.Count, shuffle: false));

        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var opt = optim.Adam(model.parameters(), lr: 1e-3);
        var mse = nn.MSELoss();
        double best = double.PositiveInfinity;
        int badEvals = 0;

        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            train.SetEpoch(epoch);
            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                mse.forward(model.forward(batch["data"]), batch["label"]).backward();
                reducer.AverageGradients();
                opt.step();
            }

            if ((epoch + 1) % evalEvery != 0) continue;

            // sum of squared errors and count over all ranks
            var stats = zeros(2, dtype: float64);
            model.eval();
            using (no_grad())
            {
                foreach (var batch in val)
                {
                    var err = model.forward(batch["data"]) - batch["label"];
                    stats[0] += err.pow(2).sum().to(float64);
                    stats[1] += err.numel();
                }
            }
            Dist.AllReduce(stats);
            var valMse = stats[0].item<double>() / stats[1].item<double>();

            // rank 0 decides, everyone follows
            var stop = zeros(1, dtype: int32);
            if (isMainProcess)
            {
                if (valMse < best - 1e-4) { best = valMse; badEvals = 0; model.save("best.bin"); }
                else if (++badEvals >= patience) stop[0] = 1;
                Console.WriteLine($"epoch {epoch}: val mse {valMse:F5} (best {best:F5})");
            }
            Dist.Broadcast(stop, root: 0);
            if (stop.item<int>() == 1)
            {
                if (isMainProcess) Console.WriteLine($"early stop at epoch {epoch}");
                break;
            }
        }
    }
}
