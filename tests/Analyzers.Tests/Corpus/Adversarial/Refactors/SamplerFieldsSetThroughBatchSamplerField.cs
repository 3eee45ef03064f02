// Scenario: the sampler and the batch sampler were moved into fields of the trainer class and the loop now calls _batches.SetEpoch(epoch) on the batch sampler field the loader was built from; it forwards to its DistributedSampler, so every rank reshuffles (right).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Audio.Tagging;

public sealed class ClipTaggerTrainer : IDisposable
{
    private readonly DistributedSampler _shard;
    private readonly BatchSampler _batches;
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _eval;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly GradientAllReducer _reducer;

    public ClipTaggerTrainer(nn.Module<Tensor, Tensor> model, InMemoryDataset clips, InMemoryDataset heldOut, int seed)
    {
        _model = model;
        _shard = new DistributedSampler(clips.Count, seed: seed, dropLast: true);
        _batches = new BatchSampler(_shard, batchSize: 32, dropLast: true);
        _train = new EpochDataLoader(clips, batchSampler: _batches, prefetch: true);
        _eval = new EpochDataLoader(heldOut, batchSize: 256);
        _optimizer = optim.Adam(model.parameters(), lr: 3e-4);
        _reducer = new GradientAllReducer(model);
    }

    public void Fit(int epochs)
    {
        _reducer.BroadcastParameters();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _batches.SetEpoch(epoch);
            _model.train();
            foreach (var batch in _train)
            {
                using var scope = torch.NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.binary_cross_entropy_with_logits(_model.call(batch["data"]), batch["tags"]);
                loss.backward();
                _reducer.AverageGradients();
                _optimizer.step();
            }

            if (Dist.Rank == 0)
                Console.WriteLine($"epoch {epoch}: eval loss {Evaluate():F4}");
        }
    }

    private double Evaluate()
    {
        _model.eval();
        using var noGrad = torch.no_grad();
        double sum = 0;
        foreach (var batch in _eval)
        {
            using var scope = torch.NewDisposeScope();
            sum += nn.functional.binary_cross_entropy_with_logits(_model.call(batch["data"]), batch["tags"]).item<float>();
        }
        return sum / Math.Max(1, _eval.Count);
    }

    public void Dispose()
    {
        _train.Dispose();
        _eval.Dispose();
        _reducer.Dispose();
        _optimizer.Dispose();
    }
}
