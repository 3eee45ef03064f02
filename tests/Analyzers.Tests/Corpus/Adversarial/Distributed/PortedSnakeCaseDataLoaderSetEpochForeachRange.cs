// Scenario: a loader ported from PyTorch into the user's own namespace (class DataLoader with `sampler`/`batch_sampler` fields and `set_epoch`), trained with `foreach (var epoch in Enumerable.Range(...))` calling loader.set_epoch(epoch): correct.
using System.Collections;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchPort.utils.data;

public abstract class Sampler : IEnumerable<long>
{
    public virtual void set_epoch(int epoch) { }
    public abstract IEnumerator<long> GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class RandomSampler(long n, int seed = 0) : Sampler
{
    int epoch;
    public override void set_epoch(int epoch) => this.epoch = epoch;
    public override IEnumerator<long> GetEnumerator()
    {
        using var g = new Generator((ulong)(seed + epoch));
        return randperm(n, generator: g).data<long>().ToArray().AsEnumerable().GetEnumerator();
    }
}

public sealed class BatchSampler(Sampler sampler, int batch_size, bool drop_last) : IEnumerable<long[]>
{
    public Sampler sampler { get; } = sampler;
    public void set_epoch(int epoch) => sampler.set_epoch(epoch);
    public IEnumerator<long[]> GetEnumerator() =>
        sampler.Chunk(batch_size).Where(c => !drop_last || c.Length == batch_size).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class DataLoader : IEnumerable<(Tensor x, Tensor y)>
{
    public readonly Tensor[] dataset;
    public readonly Sampler sampler;
    public readonly BatchSampler batch_sampler;

    public DataLoader(Tensor[] dataset, int batch_size = 1, bool shuffle = false, int seed = 0)
    {
        this.dataset = dataset;
        sampler = new RandomSampler(dataset[0].shape[0], seed);
        batch_sampler = new BatchSampler(sampler, batch_size, drop_last: false);
    }

    public void set_epoch(int epoch) => batch_sampler.set_epoch(epoch);

    public IEnumerator<(Tensor x, Tensor y)> GetEnumerator()
    {
        foreach (var idx in batch_sampler)
        {
            using var index = tensor(idx);
            yield return (dataset[0].index_select(0, index), dataset[1].index_select(0, index));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class train_script
{
    public static void main(Tensor features, Tensor targets, int start_epoch, int num_epochs)
    {
        var loader = new DataLoader([features, targets], batch_size: 32, shuffle: true, seed: 42);
        var model = nn.Sequential(("fc1", nn.Linear(features.shape[1], 64)), ("relu", nn.ReLU()), ("fc2", nn.Linear(64, 1)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var criterion = nn.MSELoss();

        foreach (var epoch in Enumerable.Range(start_epoch, num_epochs))
        {
            loader.set_epoch(epoch);
            foreach (var (x, y) in loader)
            {
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(x).squeeze(-1), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
