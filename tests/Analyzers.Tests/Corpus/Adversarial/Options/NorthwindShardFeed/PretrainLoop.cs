using Composer.Data;
using Northwind.ShardFeed.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Northwind.ShardFeed;

public sealed class PretrainLoop
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly ShardFeeder _train;

    public PretrainLoop(nn.Module<Tensor, Tensor> model, InMemoryDataset shard, int rank, int worldSize)
    {
        _model = model;
        _optimizer = optim.AdamW(model.parameters(), lr: 3e-4);
        _train = new ShardFeeder(shard, new DistributedSampler(shard.Count, worldSize, rank, seed: 17), batchSize: 128);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double total = 0;
            long steps = 0;
            foreach (var batch in _train) //! CMP002
            {
                total += Step(batch);
                steps++;
            }
            Console.WriteLine($"epoch {epoch}: loss {total / Math.Max(1, steps):F4}");
        }
    }

    public void Calibrate(InMemoryDataset probe, int rounds)
    {
        var probeFeeder = new ShardFeeder(probe, new RandomSampler(probe.Count, seed: 3), 32);
        int round = 0;
        while (round < rounds)
        {
            var first = probeFeeder.First(); //! CMP002
            using (no_grad())
            {
                var logits = _model.forward(first["data"]);
                Console.WriteLine($"round {round}: mean logit {logits.mean().item<float>():F3}");
            }
            round++;
        }
    }

    public void FitWithRestarts(InMemoryDataset shard, int cycles, int epochsPerCycle)
    {
        var feeder = new ShardFeeder(shard, new RandomSampler(shard.Count, seed: 5), 64);
        for (int cycle = 0; cycle < cycles; cycle++)
        {
            for (int epoch = 0; epoch < epochsPerCycle; epoch++)
            {
                feeder.SetEpoch(cycle); //! CMP004 the cycle, not the epoch: constant across the inner loop
                foreach (var batch in feeder) Step(batch);
            }
        }
    }

    private double Step(Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        _optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
        loss.backward();
        _optimizer.step();
        return loss.item<float>();
    }
}
