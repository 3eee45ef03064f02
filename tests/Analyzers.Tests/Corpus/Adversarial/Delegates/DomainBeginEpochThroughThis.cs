// Scenario: each Domain sets its own loader in BeginEpoch (through `this`); the adaptation trainer holds _source and _target fields and calls BeginEpoch on both before zipping their loaders (correct, no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind11.DomainBeginEpochThroughThis;

public sealed class Domain
{
    public string Name { get; }
    public EpochDataLoader Loader { get; }

    public Domain(string name, InMemoryDataset data, int seed)
    {
        Name = name;
        Loader = new EpochDataLoader(data, batchSize: 32, sampler: new RandomSampler(data.Count, seed: seed), dropLast: true);
    }

    public void BeginEpoch(int epoch)
    {
        this.Loader.SetEpoch(epoch);
        Console.WriteLine($"[{Name}] epoch {epoch}: {Loader.Count} batches");
    }
}

public sealed class AdaptationTrainer
{
    private readonly Domain _source;
    private readonly Domain _target;
    private readonly nn.Module<Tensor, Tensor> _features = nn.Sequential(nn.Linear(50, 100), nn.ReLU());
    private readonly nn.Module<Tensor, Tensor> _classifier = nn.Linear(100, 7);

    public AdaptationTrainer(InMemoryDataset source, InMemoryDataset target)
    {
        _source = new Domain("amazon", source, seed: 10);
        _target = new Domain("webcam", target, seed: 11);
    }

    public void Fit(int epochs)
    {
        var optimizer = optim.Adam(_features.parameters().Concat(_classifier.parameters()), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _source.BeginEpoch(epoch);
            _target.BeginEpoch(epoch);

            foreach (var (s, t) in _source.Loader.Zip(_target.Loader))
            {
                using var scope = NewDisposeScope();
                var fs = _features.forward(s["data"]);
                var ft = _features.forward(t["data"]);
                var entropy = -(nn.functional.softmax(_classifier.forward(ft), 1) * nn.functional.log_softmax(_classifier.forward(ft), 1)).sum(1).mean();
                var loss = nn.functional.cross_entropy(_classifier.forward(fs), s["label"]) + 0.1f * entropy;
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
