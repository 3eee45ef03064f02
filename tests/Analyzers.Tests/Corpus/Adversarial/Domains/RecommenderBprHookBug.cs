// Scenario: BPR matrix factorisation for implicit feedback, trained data-parallel; the user ported a Lightning-style on_train_batch_start hook as a local function and reshuffles the shard there on the first batch of each epoch, but by then the loader has already fixed that epoch's order from the sampler, so every epoch runs with the previous epoch's order and the first two share one (wrong: CMP005 at the sampler setter inside the hook).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Domains.RecommenderBprHookBug;

public sealed class BprMatrixFactorization : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Embedding _users;
    private readonly TorchSharp.Modules.Embedding _items;

    public BprMatrixFactorization(long users, long items, long factors) : base(nameof(BprMatrixFactorization))
    {
        _users = nn.Embedding(users, factors);
        _items = nn.Embedding(items, factors);
        nn.init.normal_(_users.weight, std: 0.01);
        nn.init.normal_(_items.weight, std: 0.01);
        RegisterComponents();
    }

    public override Tensor forward(Tensor user, Tensor item) => (_users.call(user) * _items.call(item)).sum(-1);
}

public static class BprTraining
{
    /// <param name="triples">Columns "user", "pos", "neg": one pre-drawn negative per observed interaction.</param>
    public static void Train(InMemoryDataset triples, long numUsers, long numItems, int epochs, double learningRate = 0.05)
    {
        Dist.Initialize();
        var shard = new DistributedSampler(triples.Count, seed: 3);
        using var loader = new EpochDataLoader(triples, batchSize: 4096, sampler: shard, dropLast: true);

        var model = new BprMatrixFactorization(numUsers, numItems, factors: 64);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var optimizer = optim.Adagrad(model.parameters(), lr: learningRate);
        long warmupSteps = 500, globalStep = 0;

        void OnTrainBatchStart(long batchIndex, int epoch)
        {
            if (batchIndex == 0)
                shard.SetEpoch(epoch); //! CMP005
            double scale = Math.Min(1.0, (globalStep + 1) / (double)warmupSteps);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate * scale;
        }

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double epochLoss = 0;
            long batchIndex = 0;
            foreach (var batch in loader)
            {
                OnTrainBatchStart(batchIndex, epoch);
                using var scope = torch.NewDisposeScope();
                var margin = model.call(batch["user"], batch["pos"]) - model.call(batch["user"], batch["neg"]);
                var loss = -nn.functional.logsigmoid(margin).mean();
                optimizer.zero_grad();
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
                epochLoss += loss.item<float>();
                batchIndex++;
                globalStep++;
            }
            if (Dist.Rank == 0)
                Console.WriteLine($"epoch {epoch}: BPR loss {epochLoss / Math.Max(batchIndex, 1):F4}");
        }
    }
}
