// Scenario: a trainer keeps an augmenting data set in a field (`_data`, epoch-aware: it re-draws its crops per epoch) and sizes the shard from it (`_shard = new DistributedSampler(_data.Count, …)`), batches the shard in `_batches`, and builds `_train` from `_batches`; each pass it calls only `_data.SetEpoch(epoch)`. The shard is never told the epoch. Wrong: the README's limits say a variable "only read from, that is whose member read there is a number" is not a part ("a setter on an epoch-aware data set (`data.SetEpoch(epoch)`) does not set the loader's order"), also when followed through fields: CMP002 on `_train`'s iteration.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.DataSetFieldSizesShardOnly;

internal sealed class RandomCropDataset(IReadOnlyDictionary<string, Tensor> columns, int crop) : InMemoryDataset(columns)
{
    private int _epoch;

    public void SetEpoch(int epoch) => _epoch = epoch;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var sample = base.GetTensor(index);
        var random = new Random(HashCode.Combine(_epoch, index));
        long width = sample["image"].shape[^1];
        int offset = random.Next(0, (int)Math.Max(1, width - crop));
        sample["image"] = sample["image"].narrow(-1, offset, Math.Min(crop, width));
        return sample;
    }
}

internal sealed class CropTrainer
{
    private readonly Module<Tensor, Tensor> _model;
    private readonly RandomCropDataset _data;
    private readonly DistributedSampler _shard;
    private readonly BatchSampler _batches;
    private readonly EpochDataLoader _train;

    public CropTrainer(Module<Tensor, Tensor> model, IReadOnlyDictionary<string, Tensor> columns)
    {
        _model = model;
        _data = new RandomCropDataset(columns, crop: 224);
        _shard = new DistributedSampler(_data.Count, Dist.WorldSize, Dist.Rank, seed: 10);
        _batches = new BatchSampler(_shard, 32, dropLast: true);
        _train = new EpochDataLoader(_data, batchSampler: _batches, workers: 4);
    }

    public void Fit(int epochs)
    {
        var optimizer = optim.SGD(_model.parameters(), 0.1, momentum: 0.9);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _data.SetEpoch(epoch);
            _model.train();
            foreach (var batch in _train) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.cross_entropy(_model.call(batch["image"]), batch["label"]);
                loss.backward();
                foreach (var p in _model.parameters())
                    if (p.grad is { } g) Dist.AllReduce(g);
                optimizer.step();
            }
        }
    }
}
