// Scenario: a batch-stream iterator method (`yield return`) loops over epochs and yields every batch of a shuffling loader field built in the constructor; its epoch is never set (bug: CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002IteratorYieldFromField;

public sealed class BatchStream : IDisposable
{
    private readonly EpochDataLoader _train;

    public BatchStream(InMemoryDataset data, int batchSize)
    {
        _train = new EpochDataLoader(data, batchSize, shuffle: true, seed: 1234, prefetch: true);
    }

    public IEnumerable<(int Epoch, Tensor Inputs, Tensor Targets)> Stream(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in _train) //! CMP002
                yield return (epoch, batch["data"], batch["label"]);
        }
    }

    public void Dispose() => _train.Dispose();
}
