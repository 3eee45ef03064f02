// Scenario: a PyTorch-style loader of the user's own (sampler / batch_sampler properties) over a P×K batch sampler, trained in while (true) with break and continue; each pass sets loader.sampler as the tutorial does and also loader.batch_sampler — right.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.PortedLoaderSetsBatchSamplerTooNegative;

public sealed class TorchLikeLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _dataset;

    public TorchLikeLoader(InMemoryDataset dataset, int batch_size = 1, ISampler? sampler = null, IBatchSampler? batch_sampler = null)
    {
        _dataset = dataset;
        this.sampler = sampler ?? new SequentialSampler(dataset.Count);
        this.batch_sampler = batch_sampler ?? new BatchSampler(this.sampler, batch_size);
    }

    public ISampler sampler { get; }
    public IBatchSampler batch_sampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in batch_sampler) yield return _dataset.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class TrainState
{
    public int epoch;
    public double best_recall;
}

public static class Program
{
    public static void Main()
    {
        var labelTensor = randint(0, 50, new long[] { 5_000 });
        using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(5_000, 64), ["label"] = labelTensor });
        var train_loader = new TorchLikeLoader(data, batch_sampler: new ClassBalancedBatchSampler(labelTensor.data<long>().ToArray(), 10, 4, seed: 77));
        var model = nn.Sequential(("fc1", nn.Linear(64, 128)), ("act", nn.ReLU()), ("fc2", nn.Linear(128, 32)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var state = new TrainState();

        while (true)
        {
            // train_loader.sampler.set_epoch(epoch), plus the batch sampler that really orders the batches
            if (train_loader.sampler is IEpochAware s) s.SetEpoch(state.epoch);
            if (train_loader.batch_sampler is IEpochAware b) b.SetEpoch(state.epoch);

            foreach (var batch in train_loader)
            {
                using var scope = NewDisposeScope();
                var z = nn.functional.normalize(model.forward(batch["data"]), 2.0, 1);
                var same = batch["label"].unsqueeze(1).eq(batch["label"].unsqueeze(0)).to_type(ScalarType.Float32);
                var loss = nn.functional.binary_cross_entropy_with_logits(z.matmul(z.t()) * 10, same);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }

            state.epoch += 1;
            if (state.epoch >= 60) break;
            if (state.epoch % 10 != 0) continue;
            state.best_recall = Math.Max(state.best_recall, 0.0);
            Console.WriteLine($"checkpoint at epoch {state.epoch}");
        }
    }
}
