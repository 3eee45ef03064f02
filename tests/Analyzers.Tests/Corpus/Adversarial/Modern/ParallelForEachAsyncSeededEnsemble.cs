// Scenario: an ensemble trained with Parallel.ForEachAsync — each member builds one TorchSharp DataLoader with shuffle: true and a fixed per-member seed, then runs 20 epochs over it; TorchSharp reseeds from that seed at every enumeration, so each member sees the same order every epoch (CMP003).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var dataset = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(6000, 16),
    ["label"] = randint(0, 3, [6000], dtype: ScalarType.Int64),
});

EnsembleMember[] members = [new(0, Hidden: 32), new(1, Hidden: 64), new(2, Hidden: 128), new(3, Hidden: 256)];
var finalLoss = new double[members.Length];

await Parallel.ForEachAsync(members, new ParallelOptions { MaxDegreeOfParallelism = 2 }, (member, ct) =>
{
    // the data set is shared by every member: the loaders must not dispose it
    using var loader = new DataLoader(dataset, 64, shuffle: true, seed: 1000 + member.Index, disposeDataset: false); //! CMP003

    var model = Sequential(("fc1", Linear(16, member.Hidden)), ("act", Tanh()), ("fc2", Linear(member.Hidden, 3)));
    var optimizer = optim.Adam(model.parameters(), lr: 2e-3);

    for (var epoch = 0; epoch < 20 && !ct.IsCancellationRequested; epoch++)
    {
        double sum = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = functional.cross_entropy(model.call(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
        }
        finalLoss[member.Index] = sum / loader.Count;
    }

    model.save($"ensemble-{member.Index}-h{member.Hidden}.bin");
    return ValueTask.CompletedTask;
});

foreach (var (member, loss) in members.Zip(finalLoss))
    Console.WriteLine($"member {member.Index} (hidden {member.Hidden}): final loss {loss:F4}");

internal readonly record struct EnsembleMember(int Index, int Hidden);
