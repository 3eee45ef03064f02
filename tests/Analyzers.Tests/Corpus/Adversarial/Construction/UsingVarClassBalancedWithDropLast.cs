// Scenario: A `using var` declaration builds EpochDataLoader from a ClassBalancedBatchSampler and also asks for dropLast: true, which the runtime rejects next to a batch sampler (bug: CMP006); epochs are set on the loader every pass.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new FashionMnist(train: true);
long[] labels = data.Columns["label"].data<long>().ToArray();
using var loader = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, 10, 6, seed: 3), dropLast: true); //! CMP006

var embed = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(784, 512)),
    ("act", nn.ReLU()),
    ("fc2", nn.Linear(512, 128)));
var proxies = nn.Parameter(randn(10, 128));
var optimizer = optim.Adam(embed.parameters().Append(proxies), lr: 1e-3);
var stopwatch = System.Diagnostics.Stopwatch.StartNew();

try
{
    for (int epoch = 0; epoch < 30; epoch++)
    {
        loader.SetEpoch(epoch);
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var embeddings = nn.functional.normalize(embed.forward(batch["data"]), dim: 1);
            var similarity = embeddings.matmul(nn.functional.normalize(proxies, dim: 1).t()) * 16.0;
            var loss = nn.functional.cross_entropy(similarity, batch["label"]);
            loss.backward();
            optimizer.step();
        }
        Console.WriteLine($"epoch {epoch} after {stopwatch.Elapsed.TotalSeconds:F0}s");
    }
}
finally
{
    embed.save("proxy-anchor.bin");
}
