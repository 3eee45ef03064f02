// Scenario: training runs on a background task: `Task.Run(() => { for (…epoch…) { using var it = train.GetEnumerator(); … while (it.MoveNext()) { if (step == 0) train.SetEpoch(epoch); … } } })`. A setter "in a `while (e.MoveNext())` … loop over `e = L.GetEnumerator()`" is inside the iteration: the epoch arrives one enumeration late (epochs 0 and 1 share one order). CMP005 on the setter; its fix moves it before "the statement that gets the enumerator", inside the task's lambda (the lambda holds the whole epoch loop, so in front of the enumerator's statement it still runs once per epoch), dropping the `step == 0` guard.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam23.TaskRunEpochLoopEnumeratorSetsInside;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 16), ["y"] = randint(0, 3, new long[] { 4000 }) });
        using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 3);
        var model = nn.Sequential(("fc1", nn.Linear(16, 48)), ("act", nn.ReLU()), ("fc2", nn.Linear(48, 3)));
        var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
        var worker = Task.Run(() =>
        {
            for (int epoch = 0; epoch < 10; epoch++)
            {
                using var it = train.GetEnumerator();
                int step = 0;
                while (it.MoveNext())
                {
                    if (step == 0) train.SetEpoch(epoch); //! CMP005
                    step++;
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    nn.functional.cross_entropy(model.forward(it.Current["x"]), it.Current["y"]).backward();
                    optimizer.step();
                }
            }
        });
        worker.Wait();
    }
}
