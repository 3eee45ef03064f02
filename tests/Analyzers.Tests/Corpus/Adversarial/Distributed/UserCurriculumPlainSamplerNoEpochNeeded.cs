// Scenario: a user sampler implementing only ISampler (a deterministic easy-to-hard curriculum whose Stage property the loop advances) feeds a loader iterated every epoch without any SetEpoch: correct, the order does not depend on an epoch.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Curriculum;

public sealed class DifficultyCurriculumSampler(float[] difficulty, int stages) : ISampler
{
    readonly long[] _order = Enumerable.Range(0, difficulty.Length).OrderBy(i => difficulty[i]).Select(i => (long)i).ToArray();

    /// <summary>0 .. stages-1: how much of the hard tail is admitted.</summary>
    public int Stage { get; set; }

    public long Count => _order.LongLength * (Stage + 1) / stages;

    public IEnumerator<long> GetEnumerator() => _order.Take((int)Count).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class CurriculumProgram
{
    public static void Train(InMemoryDataset data, float[] difficulty)
    {
        const int stages = 4;
        var curriculum = new DifficultyCurriculumSampler(difficulty, stages);
        using var loader = new EpochDataLoader(data, batchSize: 64, sampler: curriculum);

        var model = nn.Sequential(("flat", nn.Flatten()), ("fc", nn.Linear(784, 128)), ("act", nn.ReLU()), ("out", nn.Linear(128, 10)));
        var opt = optim.SGD(model.parameters(), 0.05);
        var lossFn = nn.CrossEntropyLoss();

        for (int epoch = 0; epoch < 12; epoch++)
        {
            curriculum.Stage = Math.Min(stages - 1, epoch / 3);
            double total = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                var loss = lossFn.forward(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch} stage {curriculum.Stage}: mean loss {total / loader.Count:F4}");
        }
    }
}
