// Scenario: a loader ported from PyTorch with snake_case members (dataset, sampler, batch_sampler) and its own set_epoch forwarding to the batch sampler; the trainer calls loader.set_epoch(epoch) every pass, accumulates gradients over micro-batches and averages meters, and validates in a helper method with a second loader of that type, which shuffles too and whose epoch nothing sets: wrong - CMP002 at the helper's call (the validation order repeats each epoch; relabelled 2026-12-07, when iterations in methods in view began to count at their calls).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Ported;

public sealed class PortedDataLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public InMemoryDataset dataset { get; }
    public DistributedSampler sampler { get; }
    public BatchSampler batch_sampler { get; }

    public PortedDataLoader(InMemoryDataset dataset, int batch_size, int seed, int rank, int world_size, bool drop_last = true)
    {
        this.dataset = dataset;
        sampler = new DistributedSampler(dataset.Count, world_size, rank, seed: seed);
        batch_sampler = new BatchSampler(sampler, batch_size, drop_last);
    }

    public long Count => batch_sampler.Count;

    /// <summary>The runtime's BatchSampler forwards the epoch to the sampler inside it.</summary>
    public void set_epoch(int epoch) => batch_sampler.SetEpoch(epoch);

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in batch_sampler) yield return dataset.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class AverageMeter
{
    private double _sum;
    private long _count;
    public double Average => _count == 0 ? 0 : _sum / _count;
    public void Update(double value, long n = 1) { _sum += value * n; _count += n; }
    public void Reset() { _sum = 0; _count = 0; }
}

public sealed class LambdaLr(optim.Optimizer optimizer, Func<int, double> factor, double base_lr)
{
    public int last_epoch { get; private set; } = -1;

    public void step()
    {
        last_epoch++;
        foreach (var group in optimizer.ParamGroups) group.LearningRate = base_lr * factor(last_epoch);
    }
}

public sealed class PortedTrainer
{
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(("l1", nn.Linear(12, 48)), ("a", nn.GELU()), ("l2", nn.Linear(48, 4)));
    private readonly Dictionary<string, AverageMeter> _meters = new() { ["loss"] = new(), ["acc"] = new() };

    public void fit(PortedDataLoader train_loader, PortedDataLoader val_loader, int epochs, int accumulation = 2)
    {
        var optimizer = optim.SGD(_model.parameters(), 0.1, momentum: 0.9);
        var scheduler = new LambdaLr(optimizer, e => Math.Pow(0.9, e), 0.1);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train_loader.set_epoch(epoch);
            foreach (var meter in _meters.Values) meter.Reset();
            optimizer.zero_grad();
            int step = 0;
            foreach (var batch in train_loader)
            {
                var xs = batch["data"].chunk(accumulation);
                var ys = batch["label"].chunk(accumulation);
                for (int micro = 0; micro < xs.Length; micro++)
                {
                    var logits = _model.forward(xs[micro]);
                    using var loss = nn.functional.cross_entropy(logits, ys[micro]) / xs.Length;
                    loss.backward();
                    _meters["loss"].Update(loss.item<float>() * xs.Length, xs[micro].shape[0]);
                    _meters["acc"].Update(logits.argmax(1).eq(ys[micro]).to(ScalarType.Float32).mean().item<float>(), xs[micro].shape[0]);
                }
                optimizer.step();
                optimizer.zero_grad();
                step++;
            }
            scheduler.step();
            var summary = string.Join(" ", _meters.Select(kv => $"{kv.Key}={kv.Value.Average:F4}"));
            Console.WriteLine($"epoch {epoch} ({step} steps, lr epoch {scheduler.last_epoch}): {summary}, val acc {validate(val_loader):P1}"); //! CMP002
        }
    }

    private double validate(PortedDataLoader loader)
    {
        using var _ = torch.no_grad();
        var meter = new AverageMeter();
        foreach (var batch in loader)
            meter.Update(_model.forward(batch["data"]).argmax(1).eq(batch["label"]).to(ScalarType.Float32).mean().item<float>(), batch["label"].shape[0]);
        return meter.Average;
    }

    public static void Main()
    {
        InMemoryDataset Make(long n) => new(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(n, 12),
            ["label"] = torch.randint(0, 4, new long[] { n }),
        });
        var train = new PortedDataLoader(Make(4000), batch_size: 64, seed: 17, rank: 0, world_size: 1);
        var val = new PortedDataLoader(Make(800), batch_size: 256, seed: 17, rank: 0, world_size: 1, drop_last: false);
        new PortedTrainer().fit(train, val, epochs: 3);
    }
}
