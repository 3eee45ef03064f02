// Scenario: a background prefetch thread fills a BlockingCollection from a shuffling typed loader and sets the loader's epoch when the first batch of each epoch arrives, i.e. after the order was already drawn — wrong (CMP005).
using System.Collections.Concurrent;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Litware.Telemetry.Training;

public sealed class SensorWindowDataset(float[][] windows, long[] labels) : torch.utils.data.Dataset<(float[] Window, long Label)>
{
    public override long Count => windows.Length;
    public override (float[] Window, long Label) GetTensor(long index) => (windows[index], labels[index]);
}

public sealed record SensorBatch(Tensor X, Tensor Y);

public sealed class PrefetchingTrainer : IDisposable
{
    private readonly EpochDataLoader<(float[] Window, long Label), SensorBatch> _loader;
    private readonly BlockingCollection<SensorBatch> _queue = new(boundedCapacity: 16);

    public PrefetchingTrainer(SensorWindowDataset data)
    {
        _loader = new EpochDataLoader<(float[] Window, long Label), SensorBatch>(
            data, Collate, batchSize: 128, shuffle: true, seed: 11);
    }

    private static SensorBatch Collate(IReadOnlyList<(float[] Window, long Label)> rows, Device device)
    {
        var x = torch.stack(rows.Select(r => torch.tensor(r.Window)).ToArray()).to(device);
        var y = torch.tensor(rows.Select(r => r.Label).ToArray()).to(device);
        return new SensorBatch(x, y);
    }

    public void Train(nn.Module<Tensor, Tensor> model, int epochs, CancellationToken ct)
    {
        var prefetch = new Thread(() =>
        {
            try
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    bool firstBatch = true;
                    foreach (var batch in _loader)
                    {
                        if (firstBatch)
                        {
                            _loader.SetEpoch(epoch); //! CMP005
                            firstBatch = false;
                        }
                        _queue.Add(batch, ct);
                    }
                }
            }
            catch (OperationCanceledException) { }
            finally { _queue.CompleteAdding(); }
        }) { IsBackground = true, Name = "batch-prefetch" };
        prefetch.Start();

        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var lossFn = nn.CrossEntropyLoss();
        foreach (var (x, y) in _queue.GetConsumingEnumerable(ct))
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var loss = lossFn.call(model.call(x), y);
            loss.backward();
            optimizer.step();
            x.Dispose();
            y.Dispose();
        }
        prefetch.Join();
    }

    public void Dispose()
    {
        _queue.Dispose();
        _loader.Dispose();
    }
}
