// Scenario: curriculum stages (easy, medium, hard) each pick a shuffled loader through a switch expression and train several epochs on it, never setting its epoch: wrong (CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

manual_seed(42);
using var x = randn(6000, 32);
using var y = randint(0, 4, new long[] { 6000 }, dtype: int64);

// Difficulty = feature norm; the stages add the harder thirds in turn.
using var difficulty = x.norm(1);
var order = difficulty.argsort().data<long>().ToArray();
InMemoryDataset Subset(IEnumerable<long> idx)
{
    using var i = tensor(idx.ToArray());
    return new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x.index_select(0, i), ["label"] = y.index_select(0, i) });
}
using var easy = Subset(order.Take(2000));
using var medium = Subset(order.Take(4000));
using var hard = Subset(order);

int[] epochsPerStage = [2, 3, 5];
var model = nn.Sequential(("fc1", nn.Linear(32, 128)), ("act", nn.GELU()), ("fc2", nn.Linear(128, 4)));
using var optimizer = optim.Adam(model.parameters(), 2e-3);

for (int stage = 0; stage < epochsPerStage.Length; stage++)
{
    using var loader = stage switch
    {
        0 => new EpochDataLoader(easy, batchSize: 32, shuffle: true, seed: 1),
        1 => new EpochDataLoader(medium, batchSize: 64, shuffle: true, seed: 2),
        _ => new EpochDataLoader(hard, batchSize: 128, shuffle: true, seed: 3),
    };

    for (int epoch = 0; epoch < epochsPerStage[stage]; epoch++)
    {
        model.train();
        var losses = new List<float>();
        foreach (var batch in loader) //! CMP002
        {
            optimizer.zero_grad();
            using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
        }
        Console.WriteLine($"stage {stage} epoch {epoch}: mean loss {losses.Average():F4}");
    }
}
