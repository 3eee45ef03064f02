// Scenario: the user built the epoch hooks around the wrong loader — `var hooks = new EpochHooks(val)` — and calls `hooks.OnEpochStart(epoch)` each pass; `OnEpochStart` sets the loader the constructor stored. The shuffled validation loader is handled, the shuffled training loader is never told the epoch. Wrong: CMP002 on the training iteration (a method on an object built around `val` sets `val`, not `train`); nothing on `val`.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.HooksBuiltAroundValidationOnly;

public sealed class EpochHooks
{
    private readonly EpochDataLoader _loader;
    private readonly List<string> _history = [];

    public EpochHooks(EpochDataLoader loader) => _loader = loader;

    public void OnEpochStart(int epoch)
    {
        _loader.SetEpoch(epoch);
        _history.Add($"epoch {epoch} started");
    }

    public IReadOnlyList<string> History => _history;
}

public static class Recommender
{
    public static void Fit(Module<Tensor, Tensor> model, InMemoryDataset interactions, InMemoryDataset heldOut, int epochs)
    {
        using var train = new EpochDataLoader(interactions, batchSize: 1024, shuffle: true, seed: 8);
        using var val = new EpochDataLoader(heldOut, batchSize: 1024, shuffle: true, seed: 9);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var hooks = new EpochHooks(val);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            hooks.OnEpochStart(epoch);

            model.train();
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.binary_cross_entropy_with_logits(model.call(batch["pair"]).squeeze(-1), batch["clicked"]);
                loss.backward();
                optimizer.step();
            }

            model.eval();
            using var noGrad = no_grad();
            double total = 0;
            foreach (var batch in val.Take(20))
                total += functional.binary_cross_entropy_with_logits(model.call(batch["pair"]).squeeze(-1), batch["clicked"]).item<float>();
            Console.WriteLine($"epoch {epoch}: held-out loss {total / 20:F4}");
        }
    }
}
