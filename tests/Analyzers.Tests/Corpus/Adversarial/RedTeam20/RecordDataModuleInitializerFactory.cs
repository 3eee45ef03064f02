// Scenario: a sealed record data module with `required init` loader properties is built by its own static `Create` factory through an object initializer (`new() { Train = new EpochDataLoader(…, shuffle: true) }`); the program iterates `dm.Train` each epoch without setting its epoch. The assignment `Train = …` is written "inside its type's declarations in this file (in constructors and in any other member)", so the creation is in view and shuffles: CMP002. (Only assignments "from outside the type (new Trainer { Loader = … })" are not seen.) The validation loader does not shuffle.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam20.RecordDataModuleInitializerFactory;

public sealed record DataModule
{
    public required EpochDataLoader Train { get; init; }
    public required EpochDataLoader Val { get; init; }

    public static DataModule Create(InMemoryDataset trainSet, InMemoryDataset valSet, int batchSize) => new()
    {
        Train = new EpochDataLoader(trainSet, batchSize: batchSize, shuffle: true, seed: 3),
        Val = new EpochDataLoader(valSet, batchSize: batchSize * 4),
    };
}

public static class Program
{
    public static void Main()
    {
        var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(3200, 30), ["y"] = randint(0, 4, new long[] { 3200 }) });
        var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(640, 30), ["y"] = randint(0, 4, new long[] { 640 }) });
        var dm = DataModule.Create(trainSet, valSet, batchSize: 64);
        var model = nn.Sequential(("fc1", nn.Linear(30, 60)), ("act", nn.ReLU()), ("fc2", nn.Linear(60, 4)));
        var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

        for (int epoch = 0; epoch < 10; epoch++)
        {
            foreach (var batch in dm.Train) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                optimizer.step();
            }
            using var noGrad = no_grad();
            var acc = dm.Val.Average(b => model.forward(b["x"]).argmax(1).eq(b["y"]).to_type(ScalarType.Float32).mean().item<float>());
            Console.WriteLine($"epoch {epoch}: val {acc:P1}");
        }
    }
}
