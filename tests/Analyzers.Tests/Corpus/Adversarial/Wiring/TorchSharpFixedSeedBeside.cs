// Scenario: beside a shuffled EpochDataLoader whose SetEpoch is subscribed to the epoch event in Fit, an auxiliary TorchSharp loader is made with shuffle: true and a fixed seed and "wired" with Epochs.SetEpoch, which cannot reach TorchSharp's own shuffling (same order every epoch) — wrong, CMP003 on the TorchSharp loader's creation
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Wiring21.TorchSharpFixedSeedBeside;

public sealed class ConsistencyTrainer : IDisposable
{
    public event Action<int>? EpochStarting;

    private readonly EpochDataLoader _train;
    private readonly DataLoader _aux;
    private readonly nn.Module<Tensor, Tensor> _model;

    public ConsistencyTrainer(InMemoryDataset trainSet, InMemoryDataset auxSet)
    {
        _train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 7);
        _aux = torch.utils.data.DataLoader(auxSet, 64, shuffle: true, seed: 1234); //! CMP003
        _model = nn.Sequential(nn.Linear(40, 80), nn.ReLU(), nn.Linear(80, 8));
    }

    public void Fit(int epochs, double consistencyWeight = 0.3)
    {
        EpochStarting += _train.SetEpoch;
        EpochStarting += e => Epochs.SetEpoch(_aux, e);
        using var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarting?.Invoke(epoch);
            foreach (var (labeled, extra) in _train.Zip(_aux))
            {
                using var scope = torch.NewDisposeScope();
                var supervised = nn.functional.cross_entropy(_model.forward(labeled["data"]), labeled["label"]);
                var clean = nn.functional.log_softmax(_model.forward(extra["data"]), 1);
                var noisy = nn.functional.log_softmax(_model.forward(extra["data"] + 0.1 * torch.randn_like(extra["data"])), 1);
                var consistency = nn.functional.kl_div(noisy, clean.detach(), reduction: nn.Reduction.Mean, log_target: true);
                var loss = supervised + consistencyWeight * consistency;
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }

    public void Dispose()
    {
        _train.Dispose();
        _aux.Dispose();
        _model.Dispose();
    }
}
