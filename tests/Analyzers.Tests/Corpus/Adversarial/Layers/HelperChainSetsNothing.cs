// Scenario: a DDP trainer calls OnEpochStart -> RefreshPipeline -> ResetAugmentation every epoch, but no helper ever sets the train loader's epoch (it only logs its batch count); the sequential eval shard is fine — wrong, CMP002 on the train iteration
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind20.HelperChainSetsNothing;

public sealed class DdpTrainer
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _eval;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private Random _augmentRandom = new(0);
    private double _runningLoss;

    public DdpTrainer(InMemoryDataset trainSet, InMemoryDataset evalSet, nn.Module<Tensor, Tensor> model)
    {
        _train = new EpochDataLoader(trainSet, batchSize: 32,
            sampler: new DistributedSampler(trainSet.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 17));
        _eval = new EpochDataLoader(evalSet, batchSize: 128,
            sampler: new DistributedSampler(evalSet.Count, shuffle: false));
        _model = model;
        _optimizer = optim.SGD(_model.parameters(), 0.05, momentum: 0.9);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            OnEpochStart(epoch);
            foreach (var batch in _train) //! CMP002
            {
                _optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                loss.backward();
                _optimizer.step();
                _runningLoss += loss.item<float>();
            }
            double evalLoss = 0;
            foreach (var batch in _eval)
                evalLoss += nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]).item<float>();
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: train {_runningLoss:F3} eval {evalLoss:F3}");
        }
    }

    private void OnEpochStart(int epoch)
    {
        _runningLoss = 0;
        RefreshPipeline(epoch);
    }

    private void RefreshPipeline(int epoch)
    {
        Console.WriteLine($"rank {Dist.Rank}: {_train.Count} batches in epoch {epoch}");
        ResetAugmentation(epoch);
    }

    private void ResetAugmentation(int epoch) => _augmentRandom = new Random(1000 + epoch);

    public double NextJitter() => _augmentRandom.NextDouble();
}
