// Scenario: a library's EpochBatches(epoch) iterator extension sets the loader's epoch before yielding its batches, and a sample program iterates it once per epoch (right)
using Composer.Data;
using LoaderExtensions;
using TorchSharp;
using static TorchSharp.torch;

using var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = rand(4096, 1, 28, 28),
    ["label"] = randint(0, 10, 4096),
});
using var train = new EpochDataLoader(data, batchSize: 256, shuffle: true, seed: 2024);

var model = nn.Sequential(("flat", nn.Flatten()), ("fc", nn.Linear(784, 10)));
using var optimizer = optim.SGD(model.parameters(), 0.1);

for (int epoch = 0; epoch < 3; epoch++)
{
    foreach (var batch in train.EpochBatches(epoch))
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]).backward();
        optimizer.step();
    }
}

namespace LoaderExtensions
{
    public static class EpochBatchExtensions
    {
        /// <summary>
        /// The batches of <paramref name="epoch"/>: sets the loader's epoch (every epoch-aware part of it), then yields its
        /// batches. Nothing runs until the first <c>MoveNext</c>.
        /// </summary>
        public static IEnumerable<TBatch> EpochBatches<TBatch>(this IDataLoader<TBatch> loader, int epoch)
        {
            ArgumentNullException.ThrowIfNull(loader);
            loader.SetEpoch(epoch);
            foreach (var batch in loader)
                yield return batch;
        }

        /// <summary>The rest of <paramref name="epoch"/> from <paramref name="firstBatch"/> on, for a mid-epoch resume.</summary>
        public static IEnumerable<TBatch> ResumeEpoch<TBatch>(this IDataLoader<TBatch> loader, int epoch, long firstBatch)
        {
            loader.SetEpoch(epoch);
            return loader.IterateFrom(firstBatch);
        }
    }
}
