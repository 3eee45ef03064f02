// Scenario: a Lightning-style multi-task learner class builds its two shuffled task loaders into fields in its constructor and subscribes each loader's SetEpoch to its own EpochStarting event there; Fit raises the event at the top of every epoch and then iterates both fields (correct: no diagnostic — wiring set up in the constructor).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lab.MultiTask;

public sealed class TagAndCaptionLearner : IDisposable
{
    private readonly EpochDataLoader _tagLoader;
    private readonly EpochDataLoader _captionLoader;
    private readonly Sequential _trunk;
    private readonly Linear _tagHead;
    private readonly Linear _captionHead;
    private readonly optim.Optimizer _optimizer;

    public event Action<int>? EpochStarting;
    public event Action<int, double>? EpochEnded;

    public TagAndCaptionLearner(InMemoryDataset tagged, InMemoryDataset captioned, int seed = 0)
    {
        _tagLoader = new EpochDataLoader(tagged, batchSize: 64, shuffle: true, seed: seed, workers: 2);
        _captionLoader = new EpochDataLoader(captioned, batchSize: 64, shuffle: true, seed: seed + 1, workers: 2);
        EpochStarting += _tagLoader.SetEpoch;
        EpochStarting += _captionLoader.SetEpoch;

        _trunk = nn.Sequential(nn.Linear(2048, 1024), nn.ReLU(), nn.Dropout(0.1), nn.Linear(1024, 512), nn.ReLU());
        _tagHead = nn.Linear(512, 1000);        // multi-label tags
        _captionHead = nn.Linear(512, 384);     // regress the caption's sentence embedding
        var parameters = _trunk.parameters().Concat(_tagHead.parameters()).Concat(_captionHead.parameters());
        _optimizer = optim.AdamW(parameters, 1e-4);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarting?.Invoke(epoch);

            double total = 0;
            foreach (var batch in _tagLoader)
            {
                using var scope = NewDisposeScope();
                var logits = _tagHead.call(_trunk.call(batch["features"]));
                var loss = nn.functional.binary_cross_entropy_with_logits(logits, batch["tags"]);
                Step(loss);
                total += loss.item<float>();
            }
            foreach (var batch in _captionLoader)
            {
                using var scope = NewDisposeScope();
                var predicted = nn.functional.normalize(_captionHead.call(_trunk.call(batch["features"])), dim: 1);
                var loss = (1 - (predicted * batch["caption"]).sum(1)).mean();   // cosine distance
                Step(loss);
                total += loss.item<float>();
            }
            EpochEnded?.Invoke(epoch, total / (_tagLoader.Count + _captionLoader.Count));
        }
    }

    private void Step(Tensor loss)
    {
        _optimizer.zero_grad();
        loss.backward();
        _optimizer.step();
    }

    public void Dispose()
    {
        _tagLoader.Dispose();
        _captionLoader.Dispose();
        _optimizer.Dispose();
    }
}
