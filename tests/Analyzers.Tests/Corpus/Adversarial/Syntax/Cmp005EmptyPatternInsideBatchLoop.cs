// Scenario: a nullable loader field checked with `if (_train is { } t) t.SetEpoch(epoch);` on the first step inside its own batch loop (bug: CMP005; the loop also counts as handled, so no CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp005EmptyPatternInsideBatchLoop;

public sealed class Module
{
    private EpochDataLoader? _train;
    private readonly nn.Module<Tensor, Tensor> _net = nn.Linear(8, 2);

    public void Setup(InMemoryDataset data) => _train = new EpochDataLoader(data, batchSize: 16, shuffle: true, seed: 6);

    public void Fit(int epochs)
    {
        if (_train is null) throw new InvalidOperationException("Call Setup first.");
        var opt = optim.Adam(_net.parameters());
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            long step = 0;
            foreach (var batch in _train)
            {
                if (step++ == 0 && _train is { } t) t.SetEpoch(epoch); //! CMP005
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(_net.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
        }
    }
}
