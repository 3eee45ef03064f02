// Scenario: a data-parallel script factors the reshuffle into `static void Reshuffle(DistributedSampler s, int epoch) => s.SetEpoch(epoch);` whose parameter shadows the loop's `epoch`, then calls it as `Reshuffle(shard, 0)` left over from a smoke test. Wrong: every epoch tells the shard epoch 0. CMP004 page: "A local function or stored lambda is followed, though: with `void Begin(int e) => loader.SetEpoch(e);`, a call `Begin(0)` in the loop gets CMP004 on `loader.SetEpoch(e)`" (any receiver, here the sampler parameter). CMP004 at the setter inside the local function.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam27.ShadowedEpoch;

public static class ShardedScript
{
    public static void Main(string[] args)
    {
        int epochs = args.Length > 0 ? int.Parse(args[0]) : 10;
        var x = randn(4096, 32);
        var y = randint(0, 10, new long[] { 4096 });
        using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = y });

        var shard = new DistributedSampler(data.Count, seed: 17);
        using var train = new EpochDataLoader(data, batchSize: 64, sampler: shard);

        var model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 10));
        var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);

        static void Reshuffle(DistributedSampler s, int epoch) => s.SetEpoch(epoch); //! CMP004

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Reshuffle(shard, 0);
            model.train();
            double sum = 0;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: {sum / train.Count:F4}");
        }
    }
}
