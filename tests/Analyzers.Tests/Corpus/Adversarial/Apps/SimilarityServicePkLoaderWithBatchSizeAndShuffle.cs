// Scenario: a product-similarity hosted service builds its P×K loader with a ClassBalancedBatchSampler and also passes batchSize: 32 and shuffle: true (it sets the epoch correctly) — wrong, CMP006 twice on the creation (the runtime rejects both arguments next to a batch sampler).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Catalog.Similarity;

public interface IHostedTrainer
{
    Task StartAsync(CancellationToken cancellationToken);
    Task StopAsync(CancellationToken cancellationToken);
}

public sealed class ProductEncoder : nn.Module<Tensor, Tensor>
{
    private readonly Linear _proj1 = nn.Linear(768, 256);
    private readonly Linear _proj2 = nn.Linear(256, 128);
    private readonly LayerNorm _norm = nn.LayerNorm(256);

    public ProductEncoder() : base(nameof(ProductEncoder)) => RegisterComponents();

    public override Tensor forward(Tensor x) =>
        nn.functional.normalize(_proj2.forward(nn.functional.gelu(_norm.forward(_proj1.forward(x)))), p: 2, dim: 1);
}

public sealed class SimilarityIndexService : IHostedTrainer
{
    private const int ClassesPerBatch = 8;
    private const int SamplesPerClass = 4;

    private readonly InMemoryDataset _products;
    private readonly int _epochs;
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    public SimilarityIndexService(InMemoryDataset products, int epochs)
    {
        _products = products;
        _epochs = epochs;
    }

    public ProductEncoder? Encoder { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _loop = Task.Run(() => Train(_stopping.Token));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping?.Cancel();
        if (_loop is not null) await _loop.WaitAsync(cancellationToken);
    }

    private void Train(CancellationToken token)
    {
        var labels = _products.Columns["label"].data<long>().ToArray();
        var pk = new ClassBalancedBatchSampler(labels, ClassesPerBatch, SamplesPerClass, seed: 11);
        var loader = new EpochDataLoader(_products, batchSize: 32, shuffle: true, batchSampler: pk); //! CMP006 CMP006

        var encoder = new ProductEncoder();
        var optimizer = optim.AdamW(encoder.parameters(), lr: 2e-4, weight_decay: 0.01);

        for (int epoch = 0; epoch < _epochs && !token.IsCancellationRequested; epoch++)
        {
            loader.SetEpoch(epoch);
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var emb = encoder.forward(batch["data"]);
                var sim = emb.matmul(emb.t()) / 0.07;
                // rows of one class are contiguous blocks of SamplesPerClass
                var target = arange(emb.shape[0]).div(SamplesPerClass, rounding_mode: RoundingMode.floor);
                var sameClass = target.unsqueeze(1).eq(target.unsqueeze(0)).to_type(ScalarType.Float32);
                var loss = -(nn.functional.log_softmax(sim, 1) * sameClass).sum(1).div(sameClass.sum(1)).mean();
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }

        Encoder = encoder;
    }
}
