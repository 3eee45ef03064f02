// Scenario: a PyTorch port in the user's namespace (DataLoader with `sampler`/`batch_sampler`, snake_case) is built with a P×K batch_sampler, and the epoch loop calls loader.sampler.set_epoch(epoch) as the original Composer did (CMP001).
using System.Collections;
using TorchSharp;
using static TorchSharp.torch;

namespace port.torch_utils;

public abstract class Sampler : IEnumerable<long>
{
    public virtual void set_epoch(int epoch) { }
    public abstract IEnumerator<long> GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class SequentialSampler(long n) : Sampler
{
    public override IEnumerator<long> GetEnumerator() { for (long i = 0; i < n; i++) yield return i; }
}

public sealed class PKSampler(long[] labels, int p, int k, int seed) : IEnumerable<long[]>
{
    int epoch;
    public void set_epoch(int epoch) => this.epoch = epoch;
    public IEnumerator<long[]> GetEnumerator()
    {
        var rng = new Random(seed + epoch);
        var byClass = labels.Select((l, i) => (l, i: (long)i)).GroupBy(t => t.l).ToDictionary(g => g.Key, g => g.Select(t => t.i).ToArray());
        for (int b = 0; b < labels.Length / (p * k); b++)
            yield return byClass.Keys.OrderBy(_ => rng.Next()).Take(p)
                .SelectMany(c => Enumerable.Range(0, k).Select(_ => byClass[c][rng.Next(byClass[c].Length)])).ToArray();
    }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class DataLoader(Tensor images, Tensor targets, IEnumerable<long[]> batch_sampler) : IEnumerable<(Tensor, Tensor)>
{
    public readonly Sampler sampler = new SequentialSampler(images.shape[0]);
    public readonly IEnumerable<long[]> batch_sampler = batch_sampler;

    public IEnumerator<(Tensor, Tensor)> GetEnumerator()
    {
        foreach (var ids in batch_sampler)
        {
            using var idx = tensor(ids);
            yield return (images.index_select(0, idx), targets.index_select(0, idx));
        }
    }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class train_metric
{
    public static void run(Tensor images, Tensor targets, int num_epochs)
    {
        var labels = targets.data<long>().ToArray();
        var loader = new DataLoader(images, targets, batch_sampler: new PKSampler(labels, p: 8, k: 4, seed: 0));
        var net = nn.Sequential(("flatten", nn.Flatten()), ("fc", nn.Linear(784, 128)), ("relu", nn.ReLU()), ("emb", nn.Linear(128, 32)));
        var optimizer = optim.Adam(net.parameters(), lr: 1e-3);

        for (var epoch = 0; epoch < num_epochs; epoch++)
        {
            loader.sampler.set_epoch(epoch); //! CMP001
            foreach (var (x, y) in loader)
            {
                optimizer.zero_grad();
                var z = nn.functional.normalize(net.forward(x), dim: 1);
                var d = cdist(z, z);
                var same = y.unsqueeze(0).eq(y.unsqueeze(1));
                var loss = nn.functional.relu(d.masked_fill(same.logical_not(), 0).amax(1) - d.masked_fill(same, 1e6f).amin(1) + 0.3f).mean();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
