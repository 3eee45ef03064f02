// Scenario: a trainer's constructor builds its loaders with a tuple assignment, the train loader with `sampler:` only (no batch sampler), and Fit sets `(_train.Sampler as IEpochAware)?.SetEpoch(epoch)`; the sampler is the right target here, so correct, no diagnostic.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp001ConstructorTupleSamplerOnlyLoader;

public sealed class DdpTrainer
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _eval;
    private readonly nn.Module<Tensor, Tensor> _model;

    public DdpTrainer(InMemoryDataset trainSet, InMemoryDataset evalSet, nn.Module<Tensor, Tensor> model)
    {
        _model = model;
        (_train, _eval) = (
            new EpochDataLoader(trainSet, batchSize: 32, sampler: new DistributedSampler(trainSet.Count, Dist.WorldSize, Dist.Rank, seed: 1)),
            new EpochDataLoader(evalSet, batchSize: 256, sampler: new DistributedSampler(evalSet.Count, Dist.WorldSize, Dist.Rank, shuffle: false)));
    }

    public void Fit(int epochs)
    {
        var opt = optim.SGD(_model.parameters(), learningRate: 0.1, momentum: 0.9);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            (_train.Sampler as IEpochAware)?.SetEpoch(epoch);
            foreach (var batch in _train)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                Dist.AllReduce(loss);
                opt.step();
            }
        }
    }
}
