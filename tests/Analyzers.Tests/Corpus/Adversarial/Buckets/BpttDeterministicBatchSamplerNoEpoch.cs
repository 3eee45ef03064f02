// Scenario: PyTorch's word_language_model ported: a BPTT batch sampler yields contiguous windows in a fixed order (the hidden state carries across batches), it is not epoch-aware, and the epoch loop never sets an epoch — right: the order is meant to be the same every epoch. No diagnostic.
using Composer.Data;
using static TorchSharp.torch;

namespace WordLanguageModel;

/// <summary>batchify + get_batch: column b of the token stream is read window by window, in order.</summary>
public sealed class BpttBatchSampler : IBatchSampler
{
    private readonly long _streamLength;
    private readonly int _batchSize;
    private readonly int _bptt;

    public BpttBatchSampler(long streamLength, int batchSize, int bptt)
    {
        _streamLength = streamLength;
        _batchSize = batchSize;
        _bptt = bptt;
    }

    private long Rows => _streamLength / _batchSize;

    public long Count => (Rows - 1 + _bptt - 1) / _bptt;

    public IEnumerator<long[]> GetEnumerator()
    {
        for (long start = 0; start < Rows - 1; start += _bptt)
        {
            long len = Math.Min(_bptt, Rows - 1 - start);
            var indices = new long[len * _batchSize];
            for (long t = 0; t < len; t++)
                for (int b = 0; b < _batchSize; b++)
                    indices[t * _batchSize + b] = b * Rows + start + t;
            yield return indices;
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class LanguageModelTraining
{
    public static void Train(nn.Module<Tensor, Tensor> rnn, InMemoryDataset tokenStream, InMemoryDataset validStream, int epochs, double lr = 20)
    {
        using var train = new EpochDataLoader(tokenStream, batchSampler: new BpttBatchSampler(tokenStream.Count, batchSize: 20, bptt: 35));
        using var valid = new EpochDataLoader(validStream, batchSampler: new BpttBatchSampler(validStream.Count, batchSize: 10, bptt: 35));
        double bestValLoss = double.MaxValue;

        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            rnn.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                rnn.zero_grad();
                var loss = nn.functional.cross_entropy(rnn.call(batch["input"]), batch["target"]);
                loss.backward();
                nn.utils.clip_grad_norm_(rnn.parameters(), 0.25);
                using (no_grad())
                    foreach (var p in rnn.parameters()) p.add_(p.grad!, alpha: -lr);
            }

            rnn.eval();
            double valLoss = 0;
            using (no_grad())
                foreach (var batch in valid)
                    valLoss += nn.functional.cross_entropy(rnn.call(batch["input"]), batch["target"]).item<float>();
            valLoss /= valid.Count;
            Console.WriteLine($"| end of epoch {epoch,3} | valid loss {valLoss:F2} | valid ppl {Math.Exp(valLoss):F2}");
            if (valLoss < bestValLoss) bestValLoss = valLoss;
            else lr /= 4.0;
        }
    }
}
