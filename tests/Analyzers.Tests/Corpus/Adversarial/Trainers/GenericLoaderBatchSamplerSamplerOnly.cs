// Scenario: a generic EpochDataLoader<T, TBatch> over a typed dataset with a collate function is built from a BatchSampler over a RandomSampler, and the loop sets loader.Sampler's epoch only: a bug.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Typed.Pairs;

public sealed record PairBatch(Tensor Features, Tensor Targets);

public sealed class PairDataset(Tensor features, Tensor targets) : torch.utils.data.Dataset<(Tensor X, long Y)>
{
    public override long Count => features.shape[0];
    public override (Tensor X, long Y) GetTensor(long index) => (features[index], targets[index].item<long>());
}

public static class TypedTraining
{
    static PairBatch Collate(IReadOnlyList<(Tensor X, long Y)> samples, Device device) =>
        new(stack(samples.Select(s => s.X)).to(device), tensor(samples.Select(s => s.Y).ToArray()).to(device));

    public static void Train(Tensor features, Tensor targets, int epochs)
    {
        var dataset = new PairDataset(features, targets);
        using var loader = new EpochDataLoader<(Tensor X, long Y), PairBatch>(
            dataset, Collate, batchSampler: new BatchSampler(new RandomSampler(dataset.Count, seed: 31), batchSize: 16));

        var model = nn.Sequential(nn.Linear(features.shape[1], 32), nn.ReLU(), nn.Linear(32, 4));
        var optimizer = optim.Adam(model.parameters(), lr: 3e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader.Sampler is IEpochAware aware) aware.SetEpoch(epoch); //! CMP001

            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch.Features), batch.Targets);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
