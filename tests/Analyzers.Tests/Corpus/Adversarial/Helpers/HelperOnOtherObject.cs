// Scenario: curriculum training with helpers on other objects. warmup.RunEpoch(...) iterates a shuffle: true field of another object and nothing sets its epoch, but a field helper is followed only "when the call is on the same object or static (... not `other.RunEpoch()`)", a documented limit, so no marker there despite the bug. tools.TrainEpoch(model, train, optimizer) receives the loader as an argument, which is followed whatever the receiver: CMP002 on `train`.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.HelperOnOtherObject;

public sealed class CurriculumStage
{
    private readonly EpochDataLoader _loader;
    public string Name { get; }

    public CurriculumStage(string name, InMemoryDataset data, int seed)
    {
        Name = name;
        _loader = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: seed);
    }

    public double RunEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
    {
        double sum = 0;
        var n = 0;
        foreach (var batch in _loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
            n++;
        }
        return sum / Math.Max(n, 1);
    }
}

public sealed class TrainingTools
{
    public int Steps { get; private set; }

    public double TrainEpoch(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, optim.Optimizer optimizer)
    {
        model.train();
        double sum = 0;
        var n = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
            n++;
            Steps++;
        }
        return sum / Math.Max(n, 1);
    }
}

public static class Program
{
    public static void Main()
    {
        InMemoryDataset Synthetic(int n, float noise) => new(new Dictionary<string, Tensor>
        {
            ["x"] = randn(n, 10) * noise,
            ["y"] = randint(0, 5, new long[] { n }),
        });
        var warmup = new CurriculumStage("easy", Synthetic(1000, 0.1f), seed: 5);
        var tools = new TrainingTools();
        using var train = new EpochDataLoader(Synthetic(8000, 1.0f), batchSize: 64, shuffle: true, seed: 5);

        var model = nn.Sequential(("l1", nn.Linear(10, 32)), ("a", nn.ReLU()), ("l2", nn.Linear(32, 5)));
        var optimizer = optim.Adam(model.parameters());

        for (int epoch = 0; epoch < 10; epoch++)
        {
            if (epoch < 3)
                Console.WriteLine($"{warmup.Name}: {warmup.RunEpoch(model, optimizer):F4}");
            var loss = tools.TrainEpoch(model, train, optimizer); //! CMP002
            Console.WriteLine($"epoch {epoch}: loss {loss:F4} after {tools.Steps} steps");
        }
    }
}
