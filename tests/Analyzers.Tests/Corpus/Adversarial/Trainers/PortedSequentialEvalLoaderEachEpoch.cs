// Scenario: a ported evaluation loader with a SequentialSampler member is iterated every epoch without any epoch set, next to a training loader that goes through Epochs.SetEpoch: correct.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Ported.Eval;

public sealed class EvalLoader : IEnumerable<Dictionary<string, Tensor>>
{
    readonly InMemoryDataset _data;
    readonly int _batchSize;

    public EvalLoader(InMemoryDataset data, int batchSize)
    {
        _data = data;
        _batchSize = batchSize;
        Sampler = new SequentialSampler(data.Count);
    }

    public SequentialSampler Sampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var chunk in Sampler.Chunk(_batchSize))
            yield return _data.GetBatch(chunk);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Training
{
    public static void Run(InMemoryDataset trainData, InMemoryDataset validData, int epochs)
    {
        using var train = new EpochDataLoader(trainData, batchSize: 64, shuffle: true, seed: 10);
        var valid = new EvalLoader(validData, batchSize: 500);
        var model = nn.Sequential(nn.Linear(30, 60), nn.ReLU(), nn.Linear(60, 2));
        var optimizer = optim.Adam(model.parameters());

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(train, epoch);
            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }

            model.eval();
            using var noGrad = no_grad();
            var accuracy = valid
                .Select(b => model.forward(b["data"]).argmax(1).eq(b["label"]).to_type(ScalarType.Float32).mean().item<float>())
                .Average();
            Console.WriteLine($"epoch {epoch}: valid accuracy {accuracy:P1}");
        }
    }
}
