// Scenario: a team's DDP callbacks class receives the train loader from the trainer and reshuffles with `_train.Sampler is DistributedSampler` in OnEpochStart; the loader may draw from a batch sampler — wrong (CMP001)
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Training.Distributed;

public sealed class DdpEpochCallbacks
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module _model;
    private readonly string _checkpointDir;
    private readonly int _rank;

    public DdpEpochCallbacks(EpochDataLoader train, nn.Module model, string checkpointDir)
    {
        _train = train;
        _model = model;
        _checkpointDir = checkpointDir;
        _rank = Dist.Rank;
    }

    private bool IsMainProcess => _rank == 0;

    public void OnEpochStart(int epoch)
    {
        // each rank must reshuffle its shard, otherwise the ranks replay epoch 0
        if (_train.Sampler is DistributedSampler ddp)
            ddp.SetEpoch(epoch); //! CMP001

        if (IsMainProcess)
            Console.WriteLine($"[rank 0] starting epoch {epoch}, {_train.Count} batches per rank");
    }

    public void OnEpochEnd(int epoch, double trainLoss)
    {
        Dist.Barrier();
        if (!IsMainProcess) return;

        Directory.CreateDirectory(_checkpointDir);
        var path = Path.Combine(_checkpointDir, $"epoch-{epoch:D3}.bin");
        _model.save(path);
        Console.WriteLine($"[rank 0] epoch {epoch} loss {trainLoss:F4}, saved {path}");
    }
}
