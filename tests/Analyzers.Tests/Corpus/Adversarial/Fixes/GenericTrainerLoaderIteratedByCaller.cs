// Scenario: a generic `Trainer<TModel>` builds its shuffling loader in its constructor; a generic `Fit<TModel>` helper and the program each iterate `trainer.Train` in an epoch loop and never set its epoch: wrong (every epoch replays one order) - CMP002 twice.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.GenericTrainerLoaderIteratedByCaller;

public sealed class Trainer<TModel> where TModel : nn.Module<Tensor, Tensor>
{
    public Trainer(TModel model, InMemoryDataset data, int batchSize)
    {
        Model = model;
        Train = new EpochDataLoader(data, batchSize: batchSize, shuffle: true, seed: 1234);
        Optimizer = optim.SGD(model.parameters(), learningRate: 0.05);
    }

    public TModel Model { get; }
    public EpochDataLoader Train { get; }
    public optim.Optimizer Optimizer { get; }
}

public static class Program
{
    public static void Fit<TModel>(Trainer<TModel> trainer, int epochs) where TModel : nn.Module<Tensor, Tensor>
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in trainer.Train) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(trainer.Model.forward(batch["data"]), batch["label"]);
                trainer.Optimizer.zero_grad();
                loss.backward();
                trainer.Optimizer.step();
            }
        }
    }

    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(900, 14), ["label"] = randint(0, 2, 900) });
        var trainer = new Trainer<TorchSharp.Modules.Linear>(nn.Linear(14, 2), data, batchSize: 30);
        for (int epoch = 0; epoch < 6; epoch++)
        {
            foreach (var batch in trainer.Train) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(trainer.Model.forward(batch["data"]), batch["label"]);
                trainer.Optimizer.zero_grad();
                loss.backward();
                trainer.Optimizer.step();
            }
        }
    }
}
