// Scenario: ContrastiveTrainer's constructor subscribes the RandomSampler field its loader was built from (`_sampler.SetEpoch`) — correct, no finding; AugmentedTrainer's constructor subscribes only its epoch-aware augmenting data set, whose Count alone went into `new RandomSampler(_data.Count)`, so the loader's order never changes — wrong, CMP002 on its iteration (the page: a setter on a data set only read from "does not set the loader's order")
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam18.CtorWiresSamplerVersusDataset;

public sealed class AugmentedDataset(IReadOnlyDictionary<string, Tensor> columns) : InMemoryDataset(columns), IEpochAware
{
    public int Epoch { get; private set; }
    public void SetEpoch(int epoch) => Epoch = epoch;
}

public sealed class ContrastiveTrainer
{
    private readonly RandomSampler _sampler;
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _encoder = nn.Sequential(nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 32));
    public event Action<int>? EpochStarting;

    public ContrastiveTrainer(InMemoryDataset data)
    {
        _sampler = new RandomSampler(data.Count, seed: 8);
        _train = new EpochDataLoader(data, batchSize: 64, sampler: _sampler);
        EpochStarting += _sampler.SetEpoch;
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarting?.Invoke(epoch);
            foreach (var batch in _train)
                using (torch.NewDisposeScope()) _encoder.forward(batch["data"]).norm().backward();
        }
    }
}

public sealed class AugmentedTrainer
{
    private readonly AugmentedDataset _data;
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 5));
    public event Action<int>? EpochStarting;

    public AugmentedTrainer(AugmentedDataset data)
    {
        _data = data;
        _train = new EpochDataLoader(_data, batchSize: 64, sampler: new RandomSampler(_data.Count, seed: 8));
        EpochStarting += _data.SetEpoch;
    }

    public void Fit(int epochs)
    {
        using var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarting?.Invoke(epoch);
            foreach (var batch in _train) //! CMP002
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
