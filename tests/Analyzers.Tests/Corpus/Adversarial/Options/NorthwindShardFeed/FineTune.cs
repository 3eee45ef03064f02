using Composer.Data;
using Northwind.ShardFeed.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Northwind.ShardFeed;

public static class FineTune
{
    public static void Run(nn.Module<Tensor, Tensor> model, InMemoryDataset train, InMemoryDataset val, int epochs)
    {
        var order = new RandomSampler(train.Count, seed: 29);
        var feeder = new ShardFeeder(train, order, 64);
        var evalFeeder = new ShardFeeder(val, new DistributedSampler(val.Count, shuffle: false), 256);
        var tail = new ShardFeeder(val, new SequentialSampler(val.Count), 256);
        using var optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.9);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            order.SetEpoch(epoch); // the sampler the feeder was built from
            foreach (var batch in feeder)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
                optimizer.step();
            }

            long correct = 0;
            using (no_grad())
            {
                foreach (var batch in evalFeeder) // evaluation shard: shuffle: false, same order on purpose
                    correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            }
            var lastBatch = tail.Last(); // sequential: its order does not depend on the epoch
            Console.WriteLine($"epoch {epoch}: {correct} correct, last batch {lastBatch["label"].shape[0]} rows");
        }
    }

    public static void Resume(ShardFeeder feeder, int startEpoch, int epochs, Action<Dictionary<string, Tensor>> step)
    {
        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            feeder.SetEpoch(epoch);
            foreach (var batch in feeder) step(batch);
        }
    }

    public static void MultiDomain(InMemoryDataset news, InMemoryDataset code, int epochs, Action<Dictionary<string, Tensor>> step)
    {
        var newsFeeder = new ShardFeeder(news, new DistributedSampler(news.Count, seed: 41), 64);
        var codeFeeder = new ShardFeeder(code, new RandomSampler(code.Count, seed: 43), 64);
        foreach (var epoch in Enumerable.Range(0, epochs))
        {
            foreach (var feeder in new[] { newsFeeder, codeFeeder })
            {
                Epochs.SetEpoch(feeder, epoch);
                foreach (var batch in feeder) step(batch);
            }
        }
    }
}
