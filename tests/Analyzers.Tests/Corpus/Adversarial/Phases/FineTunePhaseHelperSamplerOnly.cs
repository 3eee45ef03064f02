// Scenario: freeze/unfreeze fine-tuning through a RunPhase helper that takes the loader as a parameter and continues the epoch across phases (right number), but sets it on loader.Sampler only while the loaders draw from a sharded batch sampler: wrong (CMP001).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.Transfer;

public sealed class GradualUnfreezing
{
    private readonly nn.Module<Tensor, Tensor> _backbone;
    private readonly nn.Module<Tensor, Tensor> _head;
    private readonly nn.Module<Tensor, Tensor> _model;

    public GradualUnfreezing(nn.Module<Tensor, Tensor> backbone, nn.Module<Tensor, Tensor> head)
    {
        _backbone = backbone;
        _head = head;
        _model = nn.Sequential(("backbone", backbone), ("head", head));
    }

    public void Run(InMemoryDataset data, int headEpochs, int fullEpochs)
    {
        var headShard = new DistributedSampler(data.Count, seed: 3);
        using var headLoader = new EpochDataLoader(data, batchSampler: new BatchSampler(headShard, 256, dropLast: true));
        var fullShard = new DistributedSampler(data.Count, seed: 3);
        using var fullLoader = new EpochDataLoader(data, batchSampler: new BatchSampler(fullShard, 64, dropLast: true));

        Freeze(_backbone, true);
        using (var opt = optim.Adam(_head.parameters(), 1e-3))
            RunPhase(headLoader, opt, firstEpoch: 0, epochs: headEpochs);

        Freeze(_backbone, false);
        using (var opt = optim.SGD(_model.parameters(), 1e-3, momentum: 0.9))
            RunPhase(fullLoader, opt, firstEpoch: headEpochs, epochs: fullEpochs);
    }

    public void RunPhase(EpochDataLoader loader, optim.Optimizer optimizer, int firstEpoch, int epochs)
    {
        _model.train();
        for (int e = 0; e < epochs; e++)
        {
            (loader.Sampler as IEpochAware)?.SetEpoch(firstEpoch + e); //! CMP001
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {firstEpoch + e} done");
        }
    }

    private static void Freeze(nn.Module<Tensor, Tensor> module, bool frozen)
    {
        foreach (var p in module.parameters()) p.requires_grad = !frozen;
    }
}
