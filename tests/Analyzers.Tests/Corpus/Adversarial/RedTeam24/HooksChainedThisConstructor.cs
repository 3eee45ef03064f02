// Scenario: a CurriculumHooks class has two constructors, the short one chaining to the full one (`CurriculumHooks(EpochDataLoader loader) : this(loader, warmupEpochs: 0)`), which stores the loader in a field; the loop uses `var hooks = new CurriculumHooks(train)` and calls `hooks.OnEpochStart(epoch)`, which sets `_loader`'s epoch. Correct: the object is built around `train` in view and the method sets what its constructor was given (rules overview; constructors in view are followed through the calls they make). Nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.HooksChainedThisConstructor;

public sealed class CurriculumHooks
{
    private readonly EpochDataLoader _loader;
    private readonly int _warmupEpochs;

    public CurriculumHooks(EpochDataLoader loader) : this(loader, warmupEpochs: 0)
    {
    }

    public CurriculumHooks(EpochDataLoader loader, int warmupEpochs)
    {
        _loader = loader;
        _warmupEpochs = warmupEpochs;
    }

    public bool InWarmup(int epoch) => epoch < _warmupEpochs;

    public void OnEpochStart(int epoch)
    {
        _loader.SetEpoch(epoch);
        if (InWarmup(epoch)) Console.WriteLine($"epoch {epoch}: warm-up");
    }
}

public static class SentimentModel
{
    public static void Train(Module<Tensor, Tensor> model, InMemoryDataset reviews, int epochs)
    {
        using var train = new EpochDataLoader(reviews, batchSize: 32, shuffle: true, seed: 99);
        var optimizer = optim.AdamW(model.parameters(), lr: 2e-5);
        var hooks = new CurriculumHooks(train);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            hooks.OnEpochStart(epoch);
            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.binary_cross_entropy_with_logits(model.call(batch["tokens"]).squeeze(-1), batch["label"]);
                loss.backward();
                nn.utils.clip_grad_norm_(model.parameters(), 1.0);
                optimizer.step();
            }
        }
    }
}
