// Scenario: an MPI data-parallel trainer class ported from a Horovod script: an on-batch-start local function sets the shard sampler's epoch when it sees batch 0, after the ranks synchronise — but it runs inside the loader's iteration, so each epoch uses the previous epoch's order — wrong (CMP005 at the setter in the local function).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.MpiDataParallelFirstBatch;

public sealed class HorovodStyleTrainer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly GradientAllReducer _reducer;
    private readonly optim.Optimizer _optimizer;

    public HorovodStyleTrainer(nn.Module<Tensor, Tensor> model, double baseLr)
    {
        Dist.Initialize();
        _model = model;
        _reducer = new GradientAllReducer(model);
        _reducer.BroadcastParameters(root: 0);
        _optimizer = optim.SGD(model.parameters(), baseLr * Dist.WorldSize, momentum: 0.9);
    }

    public void Train(InMemoryDataset dataset, int epochs, int batchSize, int seed)
    {
        var shard = new DistributedSampler(dataset.Count, Dist.WorldSize, Dist.Rank, seed: seed);
        using var loader = new EpochDataLoader(dataset, batchSize, sampler: shard, dropLast: true);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            void OnBatchStart(int batchIdx)
            {
                if (batchIdx != 0) return;
                Dist.Barrier();
                shard.SetEpoch(epoch); //! CMP005
            }

            _model.train();
            foreach (var (batch, batchIdx) in loader.Select((b, i) => (b, i)))
            {
                OnBatchStart(batchIdx);
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["target"]);
                _optimizer.zero_grad();
                loss.backward();
                _reducer.AverageGradients();
                _optimizer.step();
                if (batchIdx % 100 == 0 && Dist.Rank == 0)
                    Console.WriteLine($"Train Epoch: {epoch} [{batchIdx * batchSize * Dist.WorldSize}/{dataset.Count}] Loss: {loss.item<float>():F6}");
            }
        }
    }

    public void Dispose() => _reducer.Dispose();
}
