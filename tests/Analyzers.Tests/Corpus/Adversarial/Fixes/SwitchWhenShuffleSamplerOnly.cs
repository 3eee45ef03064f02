// Scenario: a trainer switches on `loader.Sampler` with `case DistributedSampler d when d.Shuffle:` to reshuffle shards, on a loader it receives: wrong (a loader with a batch sampler keeps a SequentialSampler there) - CMP001.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.SwitchWhenShuffleSamplerOnly;

public sealed class ShardAwareTrainer(nn.Module<Tensor, Tensor> model, double learningRate)
{
    private readonly optim.Optimizer _optimizer = optim.Adam(model.parameters(), lr: learningRate);

    public void Fit(EpochDataLoader loader, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            switch (loader.Sampler)
            {
                case DistributedSampler d when d.Shuffle:
                    d.SetEpoch(epoch); //! CMP001
                    break;
                case SequentialSampler:
                    Console.WriteLine("sequential sampler: nothing to reshuffle");
                    break;
            }

            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
            }
        }
    }

    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(480, 6), ["label"] = randint(0, 3, 480) });
        using var loader = new EpochDataLoader(data, batchSize: 24, sampler: new DistributedSampler(data.Count, numReplicas: 2, rank: 1, seed: 13));
        new ShardAwareTrainer(nn.Linear(6, 3), 1e-3).Fit(loader, epochs: 4);
    }
}
