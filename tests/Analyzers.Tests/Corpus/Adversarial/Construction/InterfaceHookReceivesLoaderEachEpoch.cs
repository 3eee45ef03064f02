// Scenario: A training loop over a shuffled EpochDataLoader never sets the epoch itself but hands the loader to ITrainingHooks.OnEpochStart(loader, epoch), an interface method whose body is not in view (it may set it), on every pass (negative).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Hooks;

public interface ITrainingHooks
{
    void OnEpochStart(EpochDataLoader loader, int epoch);
    void OnBatchEnd(int epoch, long step, float loss);
    void OnEpochEnd(int epoch);
}

public sealed class HookedLoop(ITrainingHooks hooks, nn.Module<Tensor, Tensor> model)
{
    public void Fit(InMemoryDataset data, int epochs, int seed)
    {
        using var loader = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: seed);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var scheduler = optim.lr_scheduler.OneCycleLR(optimizer, max_lr: 1e-2, total_steps: (int)(epochs * loader.Count));
        long step = 0;

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            hooks.OnEpochStart(loader, epoch);
            model.train();
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                scheduler.step();
                hooks.OnBatchEnd(epoch, step++, loss.item<float>());
            }
            hooks.OnEpochEnd(epoch);
        }
    }
}
