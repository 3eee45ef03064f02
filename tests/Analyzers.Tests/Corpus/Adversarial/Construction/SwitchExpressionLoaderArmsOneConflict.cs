// Scenario: A switch expression chooses the train loader by sampling strategy with target-typed new(...) arms; the "pk" arm adds batchSize: 64 to a class-balanced batch sampler (bug: CMP006 on that arm), the other arms are valid and the epoch is set on the chosen loader.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Strategies;

public enum Sampling { Shuffle, Distributed, ClassBalanced }

public sealed class StrategyTrainer(InMemoryDataset data, Sampling sampling, int seed)
{
    EpochDataLoader BuildLoader()
    {
        long[] labels = data.Columns["label"].data<long>().ToArray();
        EpochDataLoader loader = sampling switch
        {
            Sampling.ClassBalanced => new(data, batchSize: 64, batchSampler: new ClassBalancedBatchSampler(labels, 16, 4, seed)), //! CMP006
            Sampling.Distributed => new(data, batchSize: 64, sampler: new DistributedSampler(data.Count, seed: seed)),
            _ => new(data, batchSize: 64, shuffle: true, seed: seed),
        };
        return loader;
    }

    public void Train(nn.Module<Tensor, Tensor> model, int epochs)
    {
        using var loader = BuildLoader();
        var optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.9, weight_decay: 5e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            loader.SetEpoch(epoch);
            model.train();
            var losses = new List<float>();
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                losses.Add(loss.item<float>());
            }
            Console.WriteLine($"{sampling} epoch {epoch}: median loss {losses.Order().ElementAt(losses.Count / 2):F4}");
        }
    }
}
