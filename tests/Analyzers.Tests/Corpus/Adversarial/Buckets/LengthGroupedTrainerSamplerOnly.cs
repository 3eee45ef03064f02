// Scenario: HuggingFace group_by_length ported as a batch sampler; the trainer builds its loader in the constructor and sets the epoch on _train.Sampler only, as HF's Trainer does — wrong: batches come from the length-grouped batch sampler, so every epoch replays epoch 0 (CMP001).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NlpLab.Training;

/// <summary>Port of transformers' get_length_grouped_indices: shuffle, cut into megabatches, sort each by length.</summary>
public sealed class LengthGroupedBatchSampler : IBatchSampler, IEpochAware
{
    private readonly int[] _lengths;
    private readonly int _batchSize;
    private readonly int _megabatchMult;
    private readonly int _seed;
    private int _epoch;

    public LengthGroupedBatchSampler(IReadOnlyList<int> lengths, int batchSize, int seed = 42, int megabatchMult = 50)
    {
        _lengths = lengths.ToArray();
        _batchSize = batchSize;
        _seed = seed;
        _megabatchMult = megabatchMult;
    }

    public long Count => (_lengths.Length + _batchSize - 1) / _batchSize;

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long[]> GetEnumerator()
    {
        var rng = new Random(_seed + _epoch);
        int[] indices = Enumerable.Range(0, _lengths.Length).ToArray();
        rng.Shuffle(indices);
        int megabatchSize = _megabatchMult * _batchSize;
        var batches = new List<long[]>();
        for (int start = 0; start < indices.Length; start += megabatchSize)
        {
            int[] megabatch = indices.Skip(start).Take(megabatchSize).OrderByDescending(i => _lengths[i]).ToArray();
            for (int b = 0; b < megabatch.Length; b += _batchSize)
                batches.Add(megabatch.Skip(b).Take(_batchSize).Select(i => (long)i).ToArray());
        }
        // HF moves the batch holding the longest sample to the front so an OOM shows up at step 0.
        int longest = batches.FindIndex(b => b.Any(i => _lengths[i] == _lengths.Max()));
        if (longest > 0) (batches[0], batches[longest]) = (batches[longest], batches[0]);
        return batches.GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class Seq2SeqTrainer : IDisposable
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _eval;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public Seq2SeqTrainer(nn.Module<Tensor, Tensor> model, InMemoryDataset train, InMemoryDataset eval, IReadOnlyList<int> trainLengths)
    {
        _model = model;
        _optimizer = optim.AdamW(model.parameters(), lr: 5e-5);
        _train = new EpochDataLoader(train, batchSampler: new LengthGroupedBatchSampler(trainLengths, batchSize: 16));
        _eval = new EpochDataLoader(eval, batchSize: 64);
    }

    public void Train(int numEpochs)
    {
        for (int epoch = 0; epoch < numEpochs; epoch++)
        {
            // if isinstance(train_dataloader.sampler, ...): train_dataloader.sampler.set_epoch(epoch)
            if (_train.Sampler is IEpochAware sampler)
                sampler.SetEpoch(epoch); //! CMP001

            _model.train();
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                _optimizer.step();
            }

            _model.eval();
            double total = 0;
            using (no_grad())
            {
                foreach (var batch in _eval)
                    total += nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]).item<float>();
            }
            Console.WriteLine($"epoch {epoch}: eval loss {total / _eval.Count:F4}");
        }
    }

    public void Dispose()
    {
        _train.Dispose();
        _eval.Dispose();
    }
}
