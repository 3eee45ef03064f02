using Quill.Tokens.Batching;
using TorchSharp;
using static TorchSharp.torch;

namespace Quill.Tokens.Training;

public sealed class LmTrainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
{
    public void Fit(IReadOnlyList<long[]> docs, int startEpoch, int epochs)
    {
        var batcher = new TokenBatcher<long>(docs, new DocOrder(docs.Count, seed: 5), tokensPerBatch: 4096);
        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            batcher.Reseed(startEpoch); //! CMP004
            foreach (var batch in batcher) Step(batch);
        }
    }

    public void FitManual(IReadOnlyList<long[]> docs, int epochs)
    {
        var batcher = new TokenBatcher<long>(docs, new DocOrder(docs.Count, seed: 9), 4096);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var e = batcher.GetEnumerator(); //! CMP002
            try
            {
                while (e.MoveNext()) Step(e.Current);
            }
            finally
            {
                e.Dispose();
            }
        }
    }

    public void CrossValidate(IReadOnlyList<long[]> docs, int folds, int epochs)
    {
        var batcher = new TokenBatcher<long>(docs, new DocOrder(docs.Count, seed: 21), 4096);
        for (int fold = 0; fold < folds; fold++)
        {
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                BatchingOps.Reseed(batcher, fold); //! CMP004 static Reseed named in epoch_setters: the fold, not the epoch
                var tokens = batcher.Sum(b => b.TokenCount);
                Console.WriteLine($"fold {fold} epoch {epoch}: {tokens} tokens");
            }
        }
    }

    public void FitLate(IReadOnlyList<long[]> docs, int epochs)
    {
        var batcher = new TokenBatcher<long>(docs, new DocOrder(docs.Count, seed: 33), 4096);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            bool first = true;
            foreach (var batch in batcher)
            {
                if (first)
                {
                    BatchingOps.Reseed(batcher, epoch); //! CMP005 static setter from epoch_setters called with the batcher inside its iteration
                    first = false;
                }
                Step(batch);
            }
        }
    }

    private void Step(TokenBatch<long> batch)
    {
        using var scope = NewDisposeScope();
        var flat = batch.Documents.SelectMany(d => d).ToArray();
        var input = tensor(flat).unsqueeze(0);
        optimizer.zero_grad();
        var logits = model.forward(input[.., ..^1]);
        nn.functional.cross_entropy(logits.flatten(0, 1), input[.., 1..].flatten()).backward();
        optimizer.step();
    }
}
