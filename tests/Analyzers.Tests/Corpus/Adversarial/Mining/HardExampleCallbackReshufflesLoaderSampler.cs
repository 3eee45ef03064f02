// Scenario: an epoch-start callback re-scores the pool to find the hardest examples, then reshuffles by setting the epoch on trainLoader.Sampler; the loader is handed in from outside and may draw from a batch sampler, which is never told the epoch (wrong).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Mining.Callbacks;

/// <summary>
/// Runs at the start of every epoch: scores all training samples with the current model, records the
/// hardest ones (for the loss re-weighting in the step), and reshuffles the training loader.
/// </summary>
public sealed class HardExampleRefresh(
    EpochDataLoader trainLoader,
    EpochDataLoader scoringLoader,
    nn.Module<Tensor, Tensor> model,
    double hardFraction = 0.2)
{
    public long[] HardestIndices { get; private set; } = [];

    public float LossThreshold { get; private set; } = float.PositiveInfinity;

    public void OnEpochStart(int epoch)
    {
        var losses = new List<Tensor>();
        var indices = new List<Tensor>();

        // scoringLoader walks the data set in order and carries an "index" column
        model.eval();
        using (torch.no_grad())
        {
            foreach (var batch in scoringLoader)
            {
                var logits = model.forward(batch["data"]);
                losses.Add(nn.functional.cross_entropy(logits, batch["label"], reduction: nn.Reduction.None));
                indices.Add(batch["index"].clone());
            }
        }
        model.train();

        using var allLosses = torch.cat(losses, 0);
        using var allIndices = torch.cat(indices, 0);
        losses.ForEach(t => t.Dispose());
        indices.ForEach(t => t.Dispose());

        var k = Math.Max(1, (int)(allLosses.shape[0] * hardFraction));
        var (top, at) = allLosses.topk(k);
        using (top)
        using (at)
        {
            HardestIndices = allIndices.index_select(0, at).data<long>().ToArray();
            LossThreshold = top[k - 1].item<float>();
        }

        Console.WriteLine($"[epoch {epoch}] {k} hard examples, loss >= {LossThreshold:F3}");

        // new order for the coming epoch
        if (trainLoader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); //! CMP001
    }
}
