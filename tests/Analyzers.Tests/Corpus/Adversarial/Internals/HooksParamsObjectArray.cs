// Scenario: a framework-style loop fires an "epoch_start" hook through an interface (not in view) declared `Fire(string name, params object[] args)`, passing the train loader and the epoch; the hook implementation elsewhere sets the epoch. Right: the loader is passed to a method not in view (no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.HooksParamsObjectArray;

public interface IHookRegistry
{
    void Fire(string name, params object[] args);
}

public sealed class HookedTrainer
{
    private readonly IHookRegistry _hooks;
    private readonly nn.Module<Tensor, Tensor> _model;

    public HookedTrainer(IHookRegistry hooks, nn.Module<Tensor, Tensor> model)
    {
        _hooks = hooks;
        _model = model;
    }

    public void Fit(InMemoryDataset data, int epochs)
    {
        using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 12);
        var optimizer = optim.Adam(_model.parameters(), 1e-3);
        _hooks.Fire("fit_start", train);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _hooks.Fire("epoch_start", train, epoch);
            _model.train();
            long step = 0;
            foreach (var batch in train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                _hooks.Fire("batch_end", epoch, ++step, loss.item<float>());
            }
            _hooks.Fire("epoch_end", epoch);
        }
        _hooks.Fire("fit_end");
    }
}
