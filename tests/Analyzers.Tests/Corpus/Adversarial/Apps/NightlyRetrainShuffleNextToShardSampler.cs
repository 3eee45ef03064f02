// Scenario: a scheduled nightly-retrain worker (one per MPI rank) builds its loader positionally as (data, 64, true, new DistributedSampler(...)) — shuffle next to a sampler; it sets the epoch correctly — wrong, CMP006 once on the creation (the runtime throws when the loader is built).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Warehouse.NightlyRetrain;

public sealed class PickTimeModel : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _mlp = nn.Sequential(
        nn.Linear(18, 64), nn.SiLU(),
        nn.Linear(64, 32), nn.SiLU(),
        nn.Linear(32, 1));

    public PickTimeModel() : base(nameof(PickTimeModel)) => RegisterComponents();

    public override Tensor forward(Tensor x) => _mlp.forward(x).squeeze(-1);
}

public sealed class NightlyRetrainWorker
{
    private readonly Func<InMemoryDataset> _loadYesterday;
    private readonly string _modelPath;

    public NightlyRetrainWorker(Func<InMemoryDataset> loadYesterday, string modelPath)
    {
        _loadYesterday = loadYesterday;
        _modelPath = modelPath;
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(24));
        do
        {
            Retrain(epochs: 8, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private void Retrain(int epochs, CancellationToken ct)
    {
        using var data = _loadYesterday();
        var shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 5);
        using var loader = new EpochDataLoader(data, 64, true, shard); //! CMP006

        var model = new PickTimeModel();
        if (File.Exists(_modelPath)) model.load(_modelPath);
        var optimizer = optim.Adam(model.parameters(), lr: 2e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            loader.SetEpoch(epoch);
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.smooth_l1_loss(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                foreach (var p in model.parameters())
                {
                    if (p.grad is not { } grad) continue;
                    Dist.AllReduce(grad);          // sum over ranks, then average
                    grad.div_(Dist.WorldSize);
                }
                optimizer.step();
            }
        }

        if (Dist.Rank == 0) model.save(_modelPath);
    }
}
