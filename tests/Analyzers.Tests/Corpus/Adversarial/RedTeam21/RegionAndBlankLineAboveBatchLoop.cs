// Scenario: the epoch loop's body is organised with `#region` blocks, a blank line and a comment line above the batch loop inside `#region Training`; the shuffling loader's epoch is never set: wrong - CMP002. The fix inserts the call inside the region, just above the batch loop's comment.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam21.RegionAndBlankLineAboveBatchLoop;

public sealed class Trainer
{
    private readonly nn.Module<Tensor, Tensor> _model = nn.Linear(4, 2);
    private readonly EpochDataLoader _train;

    public Trainer(InMemoryDataset data) =>
        _train = new EpochDataLoader(data, batchSize: 12, sampler: new RandomSampler(data.Count, seed: 5));

    public void Fit(int epochs)
    {
        var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            #region Logging
            Console.WriteLine($"epoch {epoch} starts");
            #endregion

            #region Training

            // One pass over the shuffled training data.
            foreach (var batch in _train) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            #endregion
        }
    }
}
