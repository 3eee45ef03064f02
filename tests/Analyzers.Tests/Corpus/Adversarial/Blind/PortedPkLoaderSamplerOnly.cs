// Scenario: a P×K loader ported from PyTorch keeps snake_case sampler and batch_sampler members; the ArcFace learner receives it and sets only loader.sampler's epoch, so the class-balanced batch sampler replays epoch 0; wrong.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut2.Blind.PortedPkLoaderSamplerOnly;

/// <summary>Port of our Python <c>PKLoader</c>: P identities × K images per batch.</summary>
public sealed class PkBatchLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public PkBatchLoader(InMemoryDataset dataset, IReadOnlyList<long> labels, int p, int k, int seed = 0)
    {
        this.dataset = dataset;
        sampler = new RandomSampler(dataset.Count, seed: seed);
        batch_sampler = new ClassBalancedBatchSampler(labels, p, k, seed);
    }

    public InMemoryDataset dataset { get; }
    public RandomSampler sampler { get; }
    public ClassBalancedBatchSampler batch_sampler { get; }
    public long Count => batch_sampler.Count;

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in batch_sampler)
            yield return dataset.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class ArcFaceHead : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Parameter _weight;
    private readonly double _scale, _margin;

    public ArcFaceHead(int dim, int classes, double scale = 30, double margin = 0.5) : base(nameof(ArcFaceHead))
    {
        _weight = new TorchSharp.Modules.Parameter(randn(classes, dim) * 0.01);
        (_scale, _margin) = (scale, margin);
        RegisterComponents();
    }

    public override Tensor forward(Tensor embeddings, Tensor labels)
    {
        var cos = nn.functional.normalize(embeddings, dim: 1).matmul(nn.functional.normalize(_weight, dim: 1).t()).clamp(-1 + 1e-7, 1 - 1e-7);
        var theta = cos.acos();
        var target = nn.functional.one_hot(labels, cos.shape[1]).to(cos.dtype);
        return (cos * (1 - target) + (theta + _margin).cos() * target) * _scale;
    }
}

public sealed class ArcFaceLearner(nn.Module<Tensor, Tensor> backbone, ArcFaceHead head, Device device)
{
    public void Fit(PkBatchLoader loader, int epochs, double lr = 0.1)
    {
        var parameters = backbone.parameters().Concat(head.parameters());
        var optimizer = optim.SGD(parameters, lr, momentum: 0.9, weight_decay: 5e-4);
        var scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, epochs, eta_min: 1e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            loader.sampler.SetEpoch(epoch); //! CMP001
            backbone.train();
            double total = 0;
            int steps = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var images = batch["image"].to(device);
                var labels = batch["label"].to(device);
                optimizer.zero_grad();
                var logits = head.call(backbone.call(images), labels);
                var loss = nn.functional.cross_entropy(logits, labels);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                steps++;
            }
            scheduler.step();
            Console.WriteLine($"epoch {epoch + 1}/{epochs}: arcface loss {total / Math.Max(1, steps):F4} ({loader.Count} P×K batches)");
        }
    }
}
