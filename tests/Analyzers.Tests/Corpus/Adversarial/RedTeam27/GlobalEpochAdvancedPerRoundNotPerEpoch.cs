// Scenario: active-learning rounds: each round labels more samples and then trains `EpochsPerRound` epochs; a running `globalEpoch` is meant to keep the shuffles distinct across rounds, but its `globalEpoch++` sits after the inner epoch loop, in the round loop. Wrong: inside the epoch loop `train.SetEpoch(globalEpoch)` gets the same number on every pass, so the epochs of a round share one order. CMP004 page: the argument is made of "locals ... that the loop neither declares nor changes: ... a counter the loop never advances"; the epoch loop here is the inner one (it iterates the loader), and only the round loop advances the counter. CMP004 at the setter.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam27.RoundCounter;

file sealed class Pool
{
    private readonly List<long> _labelled = new();
    private readonly Random _pick = new(3);
    public IReadOnlyList<long> Labelled => _labelled;

    public void LabelMore(long poolSize, int count)
    {
        for (int i = 0; i < count; i++) _labelled.Add(_pick.NextInt64(poolSize));
    }
}

public static class ActiveLearning
{
    const int Rounds = 5;
    const int EpochsPerRound = 3;

    public static void Run(torch.utils.data.Dataset unlabelled, nn.Module<Tensor, Tensor> model)
    {
        var pool = new Pool();
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        int globalEpoch = 0;

        for (int round = 0; round < Rounds; round++)
        {
            pool.LabelMore(unlabelled.Count, 200);
            var order = new RandomSampler(pool.Labelled.Count, seed: 11);
            using var train = new EpochDataLoader(new Subset(unlabelled, pool.Labelled), batchSize: 32, sampler: order);

            for (int epoch = 0; epoch < EpochsPerRound; epoch++)
            {
                train.SetEpoch(globalEpoch); //! CMP004
                foreach (var batch in train)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
            }
            globalEpoch++;
            Console.WriteLine($"round {round}: {pool.Labelled.Count} labelled, next epoch number {globalEpoch}");
        }
    }
}

file sealed class Subset : torch.utils.data.Dataset
{
    private readonly torch.utils.data.Dataset _inner;
    private readonly IReadOnlyList<long> _rows;
    public Subset(torch.utils.data.Dataset inner, IReadOnlyList<long> rows) { _inner = inner; _rows = rows; }
    public override long Count => _rows.Count;
    public override Dictionary<string, Tensor> GetTensor(long index) => _inner.GetTensor(_rows[(int)index]);
}
