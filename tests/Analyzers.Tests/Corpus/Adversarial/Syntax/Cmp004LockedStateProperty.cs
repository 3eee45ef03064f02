// Scenario: a trainer keeps its epoch in a state object's property, sets the loader's epoch from it under a lock, and advances it after each pass; correct, no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp004LockedStateProperty;

public sealed class RunState
{
    public int Epoch { get; set; }
    public long Step { get; set; }
}

public sealed class Trainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
{
    private readonly object _gate = new();
    private readonly RunState _state = new();

    public void Fit(EpochDataLoader loader, int maxEpochs)
    {
        while (_state.Epoch < maxEpochs)
        {
            lock (_gate)
            {
                loader.SetEpoch(_state.Epoch);
            }
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                _state.Step++;
            }
            lock (_gate) _state.Epoch++;
        }
    }
}
