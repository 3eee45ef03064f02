// Scenario: every rank sets the train loader's epoch; rank 0 alone also draws a few shuffled probe batches for an embedding-drift check, setting the probe loader's epoch inside the same `if (Dist.Rank == 0)` branch that iterates it — right
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Recsys;

public sealed class TwoTowerDdp
{
    private readonly nn.Module<Tensor, Tensor> _tower;
    private readonly InMemoryDataset _interactions;
    private readonly InMemoryDataset _probeSet;

    public TwoTowerDdp(nn.Module<Tensor, Tensor> tower, InMemoryDataset interactions, InMemoryDataset probeSet)
    {
        _tower = tower;
        _interactions = interactions;
        _probeSet = probeSet;
    }

    public void Train(int epochs)
    {
        using var train = new EpochDataLoader(_interactions, batchSize: 512,
            sampler: new DistributedSampler(_interactions.Count, seed: 77, dropLast: true));
        // rank 0 only: a random handful of probe batches each epoch
        using var probe = new EpochDataLoader(_probeSet, batchSize: 256, shuffle: true, seed: 5);

        using var reducer = new GradientAllReducer(_tower);
        reducer.BroadcastParameters();
        var opt = optim.Adam(_tower.parameters(), lr: 5e-4);
        var loss = nn.MSELoss();
        Tensor? previousMean = null;

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            _tower.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                loss.forward(_tower.forward(batch["data"]), batch["label"]).backward();
                reducer.AverageGradients();
                opt.step();
            }

            if (Dist.Rank == 0)
            {
                probe.SetEpoch(epoch);
                _tower.eval();
                using var noGrad = no_grad();
                var means = new List<Tensor>();
                foreach (var batch in probe.Take(4))
                    means.Add(_tower.forward(batch["data"]).mean(new long[] { 0 }));
                var mean = stack(means).mean(new long[] { 0 }).DetachFromDisposeScope();
                if (previousMean is not null)
                    Console.WriteLine($"epoch {epoch}: embedding drift {(mean - previousMean).norm().item<float>():F4}");
                previousMean = mean;
            }
            Dist.Barrier();
        }
    }
}
