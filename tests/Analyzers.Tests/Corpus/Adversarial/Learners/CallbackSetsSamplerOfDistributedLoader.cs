// Scenario: a data-parallel Learner whose train loader takes a DistributedSampler as its sampler (no batch sampler of the user's), and its BeforeEpoch hook sets the epoch on _train.Sampler — right: the loader builds its BatchSampler over that very sampler.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Learners.Ddp;

public sealed class DdpLearner
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _valid;
    private readonly Func<Dictionary<string, Tensor>, Tensor> _lossFn;
    private readonly Action _allReduceAndStep;

    public DdpLearner(InMemoryDataset trainSet, InMemoryDataset validSet, int rank, int worldSize,
        Func<Dictionary<string, Tensor>, Tensor> lossFn, Action allReduceAndStep)
    {
        _train = new EpochDataLoader(trainSet, batchSize: 32,
            sampler: new DistributedSampler(trainSet.Count, numReplicas: worldSize, rank: rank, seed: 5));
        _valid = new EpochDataLoader(validSet, batchSize: 64,
            sampler: new DistributedSampler(validSet.Count, numReplicas: worldSize, rank: rank, shuffle: false));
        _lossFn = lossFn;
        _allReduceAndStep = allReduceAndStep;
    }

    private void BeforeEpoch(int epoch)
    {
        if (_train.Sampler is IEpochAware s) s.SetEpoch(epoch);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            BeforeEpoch(epoch);
            foreach (var batch in _train)
            {
                using var loss = _lossFn(batch);
                loss.backward();
                _allReduceAndStep();
            }

            using (torch.no_grad())
                foreach (var batch in _valid) { using var l = _lossFn(batch); }
        }
    }
}
