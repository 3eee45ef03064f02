// Scenario: a trainer's get-only property is initialised with a loader over a batch sampler, and the loop sets the epoch on BatchSampler first, falling back to Sampler (Composer's fix written by hand): correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Port;

public sealed class PortedTrainer
{
    static readonly InMemoryDataset Data = new(new Dictionary<string, Tensor>
    {
        ["data"] = randn(4096, 20),
        ["label"] = randint(0, 3, new long[] { 4096 }),
    });

    public EpochDataLoader Train { get; } = new(Data, batchSampler: new BatchSampler(new RandomSampler(Data.Count, seed: 5), 64));

    public nn.Module<Tensor, Tensor> Model { get; } = nn.Sequential(nn.Linear(20, 40), nn.ReLU(), nn.Linear(40, 3));

    public void Fit(int maxEpochs)
    {
        var optimizer = optim.RMSProp(Model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            // Composer's trainer after the fix: batch_sampler first, sampler as the fallback
            if (Train.BatchSampler is IEpochAware batchSampler)
                batchSampler.SetEpoch(epoch);
            else if (Train.Sampler is IEpochAware sampler)
                sampler.SetEpoch(epoch);

            foreach (var batch in Train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(Model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
