// Scenario: a partial Program in one file with #regions: the epoch loop calls BeginEpoch(epoch), declared in the other part, which sets the static loader field's epoch and logs the learning rate; correct: that method and the field are both in view.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.PartialProgramHooks;

public static partial class Program
{
    #region Fields
    private static readonly FashionMnist TrainSet = new FashionMnist(train: true);
    private static readonly EpochDataLoader TrainLoader =
        new EpochDataLoader(TrainSet, batchSize: 64, sampler: new DistributedSampler(TrainSet.Count, numReplicas: 1, rank: 0, seed: 11));
    private static optim.Optimizer? _optimizer;
    #endregion

    #region Main
    public static void Main(string[] args)
    {
        var epochs = args.Length > 0 ? int.Parse(args[0]) : 5;
        var model = Sequential(("flat", Flatten()), ("fc1", Linear(784, 256)), ("act", ReLU()), ("fc2", Linear(256, 10)));
        _optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var criterion = CrossEntropyLoss();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            BeginEpoch(epoch);
            model.train();
            foreach (var data in TrainLoader)
            {
                using var d = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = criterion.call(model.call(data["data"]), data["label"]);
                loss.backward();
                _optimizer.step();
            }
        }
    }
    #endregion
}

public static partial class Program
{
    #region Hooks
    private static void BeginEpoch(int epoch)
    {
        TrainLoader.SetEpoch(epoch);
        var lr = _optimizer!.ParamGroups.First().LearningRate;
        Console.WriteLine($"Epoch {epoch}: lr = {lr:G3}, {TrainLoader.Count} batches");
    }
    #endregion
}
