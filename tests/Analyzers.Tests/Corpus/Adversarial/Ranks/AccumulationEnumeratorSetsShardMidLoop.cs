// Scenario: trainer class pulls micro-batches from the loader's enumerator for gradient accumulation and sets the shard sampler's epoch inside the `while (it.MoveNext())` loop on the first micro-batch — one epoch late, wrong (CMP005)
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Speech.Training;

public sealed class AccumulatingDdpTrainer : IDisposable
{
    private readonly DistributedSampler _shard;
    private readonly EpochDataLoader _loader;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly GradientAllReducer _reducer;
    private readonly int _accumulate;

    public AccumulatingDdpTrainer(InMemoryDataset data, nn.Module<Tensor, Tensor> model, int microBatch, int accumulate)
    {
        _shard = new DistributedSampler(data.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 5);
        _loader = new EpochDataLoader(data, batchSampler: new BatchSampler(_shard, microBatch, dropLast: true));
        _model = model;
        _reducer = new GradientAllReducer(model);
        _reducer.BroadcastParameters();
        _optimizer = optim.AdamW(model.parameters(), lr: 2e-4, weight_decay: 0.01);
        _accumulate = accumulate;
    }

    public void Fit(int epochs)
    {
        var criterion = nn.CrossEntropyLoss();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _model.train();
            using var it = _loader.GetEnumerator();
            int micro = 0;
            bool first = true;
            while (it.MoveNext())
            {
                if (first)
                {
                    _shard.SetEpoch(epoch); //! CMP005
                    first = false;
                }

                using var scope = NewDisposeScope();
                var batch = it.Current;
                var loss = criterion.forward(_model.forward(batch["data"]), batch["label"]) / _accumulate;
                loss.backward();

                if (++micro % _accumulate == 0)
                {
                    _reducer.AverageGradients();
                    _optimizer.step();
                    _optimizer.zero_grad();
                }
            }

            if (Dist.Rank == 0)
                Console.WriteLine($"epoch {epoch}: {micro / _accumulate} optimizer steps per rank");
        }
    }

    public void Dispose()
    {
        _loader.Dispose();
        _reducer.Dispose();
    }
}
