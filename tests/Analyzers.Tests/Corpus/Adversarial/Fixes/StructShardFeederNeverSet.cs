// Scenario: a value-type loader ported from PyTorch (`struct ShardFeeder` with a `RandomSampler Sampler` field and a `GetEnumerator`) is iterated every epoch and its epoch is never set: wrong - CMP002.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.StructShardFeederNeverSet;

public readonly struct ShardFeeder
{
    private readonly InMemoryDataset _data;
    private readonly int _batchSize;
    public readonly RandomSampler Sampler;

    public ShardFeeder(InMemoryDataset data, int batchSize, int seed)
    {
        _data = data;
        _batchSize = batchSize;
        Sampler = new RandomSampler(data.Count, seed: seed);
    }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var chunk in Sampler.Chunk(_batchSize))
            yield return _data.GetBatch(chunk);
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(300, 5), ["target"] = randn(300, 1) });
        var feeder = new ShardFeeder(data, batchSize: 30, seed: 8);
        var model = nn.Linear(5, 1);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-2);
        for (int epoch = 0; epoch < 10; epoch++)
        {
            double total = 0;
            foreach (var batch in feeder) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.mse_loss(model.forward(batch["data"]), batch["target"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: {total:F4}");
        }
    }
}
