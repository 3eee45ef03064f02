// Scenario: Fit wires both loaders through generic helpers before its loop — Wire<TLoader> hands the EpochDataLoader's SetEpoch to the event, WireAny<T> subscribes `e => Epochs.SetEpoch(loader, e)` for a TorchSharp DataLoader shuffled by a RandomSampler — correct, no finding
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Wiring21.GenericWireHelper;

public sealed class EpochSignal
{
    public event Action<int>? Started;

    public void Fire(int epoch) => Started?.Invoke(epoch);
}

public sealed class SemiSupervisedTrainer
{
    private readonly EpochSignal _signal = new();
    private readonly EpochDataLoader _labeled;
    private readonly DataLoader _unlabeled;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10));

    public SemiSupervisedTrainer(InMemoryDataset labeled, InMemoryDataset unlabeled)
    {
        _labeled = new EpochDataLoader(labeled, batchSize: 32, shuffle: true, seed: 17);
        _unlabeled = new DataLoader(unlabeled, 96, new RandomSampler(unlabeled.Count, seed: 18));
    }

    private static void Wire<TLoader>(EpochSignal signal, TLoader loader) where TLoader : class, IEpochAware =>
        signal.Started += loader.SetEpoch;

    private static void WireAny<T>(EpochSignal signal, T loader) where T : class =>
        signal.Started += e => Epochs.SetEpoch(loader, e);

    public void Fit(int epochs, double threshold = 0.95)
    {
        Wire(_signal, _labeled);
        WireAny(_signal, _unlabeled);
        using var optimizer = optim.Adam(_model.parameters(), lr: 3e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _signal.Fire(epoch);
            foreach (var (x, u) in _labeled.Zip(_unlabeled))
            {
                using var scope = torch.NewDisposeScope();
                var supervised = nn.functional.cross_entropy(_model.forward(x["data"]), x["label"]);
                var probs = nn.functional.softmax(_model.forward(u["data"]).detach(), 1);
                var (confidence, pseudo) = probs.max(1);
                var mask = (confidence >= threshold).to_type(ScalarType.Float32);
                var unsupervised = (nn.functional.cross_entropy(_model.forward(u["data"]), pseudo, reduction: nn.Reduction.None) * mask).mean();
                var loss = supervised + unsupervised;
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
