// Scenario: a block-namespaced file with its `using`s inside the namespace (no `using Composer.Data;`), a trainer with an `Epochs` property, and a loader ported from PyTorch (`sampler` and `batch_sampler` members) whose epoch it sets on `loader.sampler` only: wrong - CMP001. The fix writes `Epochs.SetEpoch(loader, epoch)`, which here must be qualified: `Epochs` is the trainer's int property.
namespace RedTeam21.BlockNamespaceEpochsPropertyPortedLoader
{
    using System.Collections;
    using TorchSharp;
    using static TorchSharp.torch;

    public sealed class PkLoader : IEnumerable<Dictionary<string, Tensor>>
    {
        private readonly Composer.Data.InMemoryDataset _data;
        public Composer.Data.RandomSampler sampler { get; }
        public Composer.Data.ClassBalancedBatchSampler batch_sampler { get; }

        public PkLoader(Composer.Data.InMemoryDataset data, long[] labels)
        {
            _data = data;
            sampler = new Composer.Data.RandomSampler(data.Count, seed: 1);
            batch_sampler = new Composer.Data.ClassBalancedBatchSampler(labels, classesPerBatch: 4, samplesPerClass: 4, seed: 1);
        }

        public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
        {
            foreach (var indices in batch_sampler)
                yield return _data.GetTensor(indices[0]);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public sealed class MetricTrainer
    {
        public int Epochs { get; init; } = 10;

        public void Fit(PkLoader loader, Action<Dictionary<string, Tensor>> step)
        {
            for (int epoch = 0; epoch < Epochs; epoch++)
            {
                loader.sampler.SetEpoch(epoch); //! CMP001
                foreach (var batch in loader) step(batch);
            }
        }
    }
}
