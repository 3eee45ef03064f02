// Scenario: the train loader's epoch is set by a recursive retry helper ApplyEpoch(loader, epoch, attempt), and the aux loader's by mutually recursive Announce/Relay that set it once the hop count reaches zero; both reached from BeginEpoch in the loop — correct, no finding
using Composer.Data;
using Composer.Distributed;
using static TorchSharp.torch;

namespace Blind20.RecursiveHelpers;

public sealed class RobustTrainer(nn.Module<Tensor, Tensor> model)
{
    private EpochDataLoader? _aux;

    public void Fit(InMemoryDataset data, InMemoryDataset extra, int epochs)
    {
        using var train = new EpochDataLoader(data, batchSize: 64,
            sampler: new DistributedSampler(data.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 8));
        _aux = new EpochDataLoader(extra, batchSize: 64, shuffle: true, seed: 9);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            BeginEpoch(train, epoch);
            foreach (var (batch, extraBatch) in train.Zip(_aux))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"])
                         + 0.1 * nn.functional.cross_entropy(model.forward(extraBatch["data"]), extraBatch["label"]);
                loss.backward();
                optimizer.step();
            }
        }
    }

    private void BeginEpoch(EpochDataLoader train, int epoch)
    {
        ApplyEpoch(train, epoch, attempt: 0);
        if (_aux is not null) Announce(_aux, epoch, hops: Dist.WorldSize - 1);
    }

    private static void ApplyEpoch(EpochDataLoader loader, int epoch, int attempt)
    {
        try
        {
            loader.SetEpoch(epoch);
        }
        catch (InvalidOperationException) when (attempt < 3)
        {
            Thread.Sleep(10 << attempt);
            ApplyEpoch(loader, epoch, attempt + 1);
        }
    }

    private static void Announce(EpochDataLoader loader, int epoch, int hops)
    {
        if (hops <= 0)
        {
            Epochs.SetEpoch(loader, epoch);
            return;
        }
        Relay(loader, epoch, hops - 1);
    }

    private static void Relay(EpochDataLoader loader, int epoch, int hops) => Announce(loader, epoch, hops);
}
