// Scenario: a positional record loader (dataset, sampler, batch_sampler) is built with a class-balanced batch_sampler, then the loop sets the epoch on loader.sampler only: a bug.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace PyTorchPort.Records;

public sealed record PyLoader(InMemoryDataset dataset, ISampler sampler, IBatchSampler batch_sampler) : IEnumerable<Dictionary<string, Tensor>>
{
    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() => batch_sampler.Select(dataset.GetBatch).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Siamese
{
    public static void Train(FashionMnist images, int num_epochs)
    {
        var labels = images.Columns["label"].data<long>().ToArray();
        var loader = new PyLoader(
            dataset: images,
            sampler: new SequentialSampler(images.Count),
            batch_sampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 2, samplesPerClass: 32, seed: 9));

        var encoder = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 16));
        var optimizer = optim.Adam(encoder.parameters(), lr: 5e-4);

        for (int epoch = 0; epoch < num_epochs; epoch++)
        {
            if (loader.sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001

            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var z = encoder.forward(batch["data"]);
                var y = batch["label"];
                var same = y.unsqueeze(0).eq(y.unsqueeze(1)).to_type(ScalarType.Float32);
                var d = cdist(z, z);
                var loss = (same * d.pow(2) + (1 - same) * nn.functional.relu(1.0 - d).pow(2)).mean();
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
