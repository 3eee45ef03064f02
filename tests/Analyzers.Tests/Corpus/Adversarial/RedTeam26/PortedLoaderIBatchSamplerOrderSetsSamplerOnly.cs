// Scenario: a PyTorch-style loader of the user's takes its batches through a parameter named `order` typed as the runtime's IBatchSampler; the training loop builds `IBatchSampler order = distributed ? … : …` and sets only loader.Sampler (a SequentialSampler, as in PyTorch when a batch sampler is given). The pages: CMP001 when a visible creation passes an argument "of a type that implements an interface named IBatchSampler" — the order's values are BatchSampler/ClassBalancedBatchSampler — so the setter on loader.Sampler is CMP001.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RT26.OrderParam;

/// <summary>Ported from a PyTorch DataLoader: when a batch sampler is given, Sampler is sequential.</summary>
public sealed class PortedLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _data;

    public PortedLoader(InMemoryDataset data, IBatchSampler order)
    {
        _data = data;
        BatchSampler = order;
        Sampler = new SequentialSampler(data.Count);
    }

    public ISampler Sampler { get; }
    public IBatchSampler BatchSampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] indices in BatchSampler) yield return _data.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class MetricLearningJob
{
    private readonly torch.nn.Module<Tensor, Tensor> _model;
    private readonly torch.optim.Optimizer _optimizer;

    public MetricLearningJob(torch.nn.Module<Tensor, Tensor> model, torch.optim.Optimizer optimizer)
    {
        _model = model;
        _optimizer = optimizer;
    }

    public void Fit(InMemoryDataset data, IReadOnlyList<long> labels, bool pk, int epochs)
    {
        IBatchSampler order = pk
            ? new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 5)
            : new BatchSampler(new RandomSampler(data.Count, seed: 5), 32);
        var loader = new PortedLoader(data, order);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader.Sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001
            foreach (var batch in loader)
            {
                _optimizer.zero_grad();
                using var loss = _model.forward(batch["x"]).pow(2).mean();
                loss.backward();
                _optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}: {loader.BatchSampler.Count} batches");
        }
    }
}
