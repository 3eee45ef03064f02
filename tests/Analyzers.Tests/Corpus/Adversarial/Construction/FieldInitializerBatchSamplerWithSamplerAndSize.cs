// Scenario: A retrieval model's field initializer (primary constructor) builds EpochDataLoader with a class-balanced batch sampler plus batchSize: 16 and a RandomSampler, two arguments the runtime rejects next to a batch sampler (bug: CMP006 twice); epochs are set on the loader.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Retrieval;

public sealed class ImageRetrievalModel(InMemoryDataset dataset, IReadOnlyList<long> labels, Device device) : IDisposable
{
    readonly EpochDataLoader _train = new(dataset, batchSize: 16, //! CMP006 CMP006
        sampler: new RandomSampler(dataset.Count, seed: 8),
        batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 4, samplesPerClass: 4, seed: 8),
        device: device);

    readonly nn.Module<Tensor, Tensor> _backbone = nn.Sequential(
        ("conv1", nn.Conv2d(1, 32, 3, padding: 1)),
        ("bn1", nn.BatchNorm2d(32)),
        ("act1", nn.ReLU()),
        ("pool", nn.AdaptiveAvgPool2d(1)),
        ("flatten", nn.Flatten()),
        ("proj", nn.Linear(32, 32))).to(device);

    public void Train(int epochs)
    {
        var optimizer = optim.Adam(_backbone.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _train.SetEpoch(epoch);
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var z = nn.functional.normalize(_backbone.forward(batch["data"]), dim: 1);
                var logits = z.matmul(z.t()) / 0.1;
                var targets = batch["label"].unsqueeze(0).eq(batch["label"].unsqueeze(1)).to_type(ScalarType.Float32);
                targets = targets / targets.sum(1, keepdim: true);
                var loss = -(targets * nn.functional.log_softmax(logits, 1)).sum(1).mean();
                loss.backward();
                optimizer.step();
            }
        }
    }

    public void Dispose()
    {
        _train.Dispose();
        _backbone.Dispose();
    }
}
