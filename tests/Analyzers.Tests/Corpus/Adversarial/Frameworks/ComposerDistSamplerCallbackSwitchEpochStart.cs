// Scenario: a Composer-style callback switches on the Event and, at EpochStart, sets the epoch only when the loader's Sampler is a DistributedSampler — Composer's own bug — while the loader it is given is built from a class-balanced batch sampler (bug).
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PortedComposer.Callbacks;

public sealed class DistributedSamplerEpochCallback(EpochDataLoader loader) : Callback
{
    private int _epochsSeen;

    public override void Run(Event e, State state)
    {
        switch (e)
        {
            case Event.EpochStart:
                if (loader.Sampler is DistributedSampler distributed)
                    distributed.SetEpoch(state.Timestamp.Epoch); //! CMP001
                break;
            case Event.EpochEnd:
                _epochsSeen++;
                break;
            case Event.FitEnd:
                Console.WriteLine($"sampler callback saw {_epochsSeen} epochs");
                break;
        }
    }
}

public static class MetricLearningRecipe
{
    public static Trainer Build(FashionMnist train)
    {
        var labels = train.Columns["label"].data<long>().ToArray();
        var loader = new EpochDataLoader(train, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 17));
        var net = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 256)), ("relu", nn.ReLU()), ("fc2", nn.Linear(256, 10)));
        var model = new ComposerClassifier(net);
        return new Trainer(new TrainerOptions
        {
            Model = model,
            Optimizer = optim.SGD(model.parameters(), learningRate: 0.1, momentum: 0.9),
            TrainLoader = loader,
            MaxDuration = "4ep",
            Callbacks = [new DistributedSamplerEpochCallback(loader)],
        });
    }
}
