// Scenario: a teammate pulled the epoch preamble into PrepareEpoch(loader, epoch), which sets the epoch through loader.Sampler only; the loader draws P×K batches from a ClassBalancedBatchSampler, so its Sampler is sequential and nothing reshuffles (wrong).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Retrieval.Training;

public sealed class EmbeddingNet : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _backbone;
    private readonly nn.Module<Tensor, Tensor> _head;

    public EmbeddingNet(int inputs, int embedding, int classes) : base(nameof(EmbeddingNet))
    {
        _backbone = nn.Sequential(("fc1", nn.Linear(inputs, 256)), ("relu", nn.ReLU()), ("fc2", nn.Linear(256, embedding)));
        _head = nn.Linear(embedding, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => _head.call(nn.functional.normalize(_backbone.call(x), dim: 1));
}

public static class ProductEmbeddings
{
    public static void Fit(InMemoryDataset products, int classes, int epochs)
    {
        long[] labels = products.Columns["label"].data<long>().ToArray();
        using var train = new EpochDataLoader(products,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: 11));

        using var model = new EmbeddingNet(inputs: 512, embedding: 128, classes: classes);
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.05, momentum: 0.9);
        var scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max: epochs);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            PrepareEpoch(model, train, epoch);
            foreach (var batch in train)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"], label_smoothing: 0.1);
                loss.backward();
                optimizer.step();
            }
            scheduler.step();
        }
    }

    // Everything that has to happen before the first batch of an epoch.
    static void PrepareEpoch(nn.Module model, EpochDataLoader loader, int epoch)
    {
        model.train();
        if (loader.Sampler is IEpochAware sampler)
            sampler.SetEpoch(epoch); //! CMP001
        Console.WriteLine($"epoch {epoch}: {loader.Count} P×K batches");
    }
}
