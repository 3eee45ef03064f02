// Scenario: a Composer-style callback applies Composer's fix by hand — at EpochStart it sets the BatchSampler's epoch when it is epoch-aware and otherwise falls back to the Sampler — for an auxiliary probe loader it reads a few batches of at EpochEnd (correct).
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PortedComposer.Fixed;

public sealed class AuxLoaderEpochCallback : Callback
{
    private readonly EpochDataLoader _aux;
    private readonly string _name;

    public AuxLoaderEpochCallback(EpochDataLoader aux, string name = "aux")
    {
        _aux = aux;
        _name = name;
    }

    public override void Run(Event e, State state)
    {
        switch (e)
        {
            case Event.EpochStart:
                var epoch = state.Timestamp.Epoch;
                if (_aux.BatchSampler is IEpochAware batchSampler)
                    batchSampler.SetEpoch(epoch);
                else if (_aux.Sampler is IEpochAware sampler)
                    sampler.SetEpoch(epoch);
                break;
            case Event.EpochEnd:
                using (torch.no_grad())
                {
                    double probe = 0;
                    foreach (var batch in _aux.Take(4))
                        probe += state.Model.Loss(state.Model.Forward(batch), batch).item<float>();
                    Console.WriteLine($"{_name} probe loss after epoch {state.Timestamp.Epoch}: {probe / 4:F4}");
                }
                break;
            case Event.FitEnd:
                Console.WriteLine($"{_name} loader: {_aux.Count} batches per epoch");
                break;
            default:
                break;
        }
    }
}

public static class Recipe
{
    public static void Train(FashionMnist train, FashionMnist extra)
    {
        var labels = extra.Columns["label"].data<long>().ToArray();
        using var aux = new EpochDataLoader(extra, batchSampler: new ClassBalancedBatchSampler(labels, 5, 4, seed: 3));
        var net = nn.Sequential(("flatten", nn.Flatten()), ("fc", nn.Linear(784, 10)));
        var model = new ComposerClassifier(net);
        using var trainer = new Trainer(new TrainerOptions
        {
            Model = model,
            Optimizer = optim.Adam(model.parameters(), lr: 1e-3),
            TrainLoader = new EpochDataLoader(train, batchSize: 64, shuffle: true),
            MaxDuration = "3ep",
            Callbacks = [new AuxLoaderEpochCallback(aux)],
        });
        trainer.Fit();
    }
}
