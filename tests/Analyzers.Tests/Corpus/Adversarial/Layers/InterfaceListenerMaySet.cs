// Scenario: a primary-constructor DDP trainer never sets the epoch itself: Notify -> Broadcast hands its shuffling loader to IEpochListener.EpochStarting, an interface method with no body in view, which may set it — correct as far as the docs can tell, no finding
using Composer.Data;
using Composer.Distributed;
using static TorchSharp.torch;

namespace Blind20.InterfaceListenerMaySet;

public interface IEpochListener
{
    void EpochStarting(EpochDataLoader loader, int epoch);
    void EpochEnded(int epoch, double loss);
}

public sealed class ListeningTrainer(InMemoryDataset data, IReadOnlyList<IEpochListener> listeners, int seed)
{
    private readonly EpochDataLoader _train = new(data, batchSize: 32,
        sampler: new DistributedSampler(data.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: seed));

    public void Fit(nn.Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Notify(epoch);
            double total = 0;
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            foreach (var listener in listeners) listener.EpochEnded(epoch, total);
        }
    }

    private void Notify(int epoch)
    {
        if (listeners.Count == 0) throw new InvalidOperationException("someone must reshuffle the loader");
        Broadcast(epoch);
    }

    private void Broadcast(int epoch)
    {
        foreach (var listener in listeners) listener.EpochStarting(_train, epoch);
    }
}
