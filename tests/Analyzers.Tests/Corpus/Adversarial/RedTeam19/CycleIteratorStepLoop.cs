// Scenario: an "infinite loader" for step-based training: Cycle(loader) is an iterator method that loops `while (true)` over the loader and yields its batches, and the step loop pulls from one enumerator of it made before the loop. The shuffling loader's epoch is never set (each cycle replays one order), but by the pages nothing is flagged: the iterator's iteration sits inside its own `while (true)` ("outside every loop ... of its own" fails), the call Cycle(train) is made once, before the loop, and `Cycle(train).GetEnumerator()` enumerates an IEnumerable, not a loader. Inside Cycle the loader is a parameter, not epoch-dependent as far as can be seen. No diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam19.CycleIteratorStepLoop;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(256, 3), ["y"] = randn(256, 1) });
        using var train = new EpochDataLoader(data, batchSize: 16, shuffle: true, seed: 31);
        var model = nn.Sequential(("fc", nn.Linear(3, 1)));
        var optimizer = optim.SGD(model.parameters(), 0.01);

        using var batches = Cycle(train).GetEnumerator();
        for (int step = 0; step < 1000; step++)
        {
            batches.MoveNext();
            var batch = batches.Current;
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]);
            loss.backward();
            optimizer.step();
        }
    }

    static IEnumerable<Dictionary<string, Tensor>> Cycle(EpochDataLoader loader)
    {
        while (true)
        {
            foreach (var batch in loader) yield return batch;
        }
    }
}
