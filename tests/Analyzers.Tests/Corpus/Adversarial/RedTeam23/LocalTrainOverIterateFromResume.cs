// Scenario: a resumable top-level script trains through a local function over a batch sequence, `void Train(IEnumerable<Dictionary<string, Tensor>> batches) { foreach (var batch in batches) … }`, and calls it each epoch as `Train(train.IterateFrom(epoch == startEpoch ? skip : 0))` to skip the batches a resumed run already trained on; the shuffling `train` is never told its epoch. A local function "that iterates its parameter so (… `IEnumerable<Dictionary<string, Tensor>> batches`) iterates the argument at each call in the same way", and a `foreach` over `L.IterateFrom(n)` iterates `L`: each call runs through `train`. (`Train(train.Skip(n))` is flagged at `Skip` as LINQ on the loader.) Every epoch replays epoch 0's order. CMP002 at the call.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 16), ["y"] = randint(0, 3, new long[] { 4000 }) });
var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 3);
var model = nn.Sequential(("fc1", nn.Linear(16, 48)), ("act", nn.ReLU()), ("fc2", nn.Linear(48, 3)));
var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
int startEpoch = args.Length > 0 ? int.Parse(args[0]) : 0;
long skip = args.Length > 1 ? long.Parse(args[1]) : 0;

void Train(IEnumerable<Dictionary<string, Tensor>> batches)
{
    foreach (var batch in batches)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
        optimizer.step();
    }
}

for (int epoch = startEpoch; epoch < 10; epoch++)
{
    Train(train.IterateFrom(epoch == startEpoch ? skip : 0)); //! CMP002
    Console.WriteLine($"epoch {epoch} done");
}
