// Scenario: each epoch logs the class balance of the batches the shuffling `calib` loader yields by building `new LabelHistogram(calib)`, whose constructor runs `foreach (var batch in loader)`; the main `train` loader is set every pass. The pages make only "a call of a method in view" an iteration at the call; a constructor is not a method there ("A method is in view when …; the same goes for a constructor" keeps them apart), and handing `calib` to a constructor in view that sets nothing does not handle it either. So `calib` is never iterated in an epoch loop of Main: no diagnostic. (Inside the constructor, `loader` is a parameter and no loop is around it.)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam19.ConstructorIteratesLoader;

public sealed class LabelHistogram
{
    private readonly long[] _counts = new long[4];

    public LabelHistogram(EpochDataLoader loader)
    {
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            var labels = batch["y"].data<long>().ToArray();
            foreach (var label in labels) _counts[label]++;
        }
    }

    public override string ToString() => string.Join(" ", _counts);
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(2000, 7), ["y"] = randint(0, 4, new long[] { 2000 }) });
        var small = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(200, 7), ["y"] = randint(0, 4, new long[] { 200 }) });
        using var train = new EpochDataLoader(data, batchSize: 50, shuffle: true, seed: 9);
        using var calib = new EpochDataLoader(small, batchSize: 20, shuffle: true, seed: 9);
        var model = nn.Sequential(("fc", nn.Linear(7, 4)));
        var optimizer = optim.SGD(model.parameters(), 0.05);

        for (int epoch = 0; epoch < 6; epoch++)
        {
            train.SetEpoch(epoch);
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
            }
            var histogram = new LabelHistogram(calib);
            Console.WriteLine($"epoch {epoch}: calib labels {histogram}");
        }
    }
}
