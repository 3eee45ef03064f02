// Scenario: a script that #defines SINGLE_PROCESS at its top and names the runtime's types only through using aliases (no `using Composer.Data;`); the shuffling loader's epoch is never set: wrong - CMP002. The fix must add its using after the #define, or the file stops compiling.
#define SINGLE_PROCESS
using TorchSharp;
using static TorchSharp.torch;
using Loader = Composer.Data.EpochDataLoader;
using Table = Composer.Data.InMemoryDataset;

var data = new Table(new Dictionary<string, Tensor> { ["data"] = randn(1024, 16), ["label"] = randint(0, 10, 1024) });
#if SINGLE_PROCESS
var train = new Loader(data, batchSize: 64, shuffle: true, seed: 31);
#else
var train = new Loader(data, batchSize: 64, sampler: new Composer.Data.DistributedSampler(data.Count, seed: 31));
#endif
var model = nn.Sequential(nn.Linear(16, 64), nn.GELU(), nn.Linear(64, 10));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < 5; epoch++)
{
    double total = 0;
    foreach (var batch in train) //! CMP002
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch}: {total / train.Count:F3}");
}
train.Dispose();
