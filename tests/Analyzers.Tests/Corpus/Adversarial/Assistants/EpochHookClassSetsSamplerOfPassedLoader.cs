// Scenario: an assistant-invented `ReshuffleHook` keeps the EpochDataLoader it is given and, at each epoch start, sets the epoch on `_loader.Sampler` only; the loader comes from outside (the caller's `Fit` parameter, a P×K metric-learning loader in the answer), so its batch sampler may never be told (wrong, CMP001).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace MetricLearning;

/// <summary>
/// Callback that makes sure the data is reshuffled at the start of every epoch.
/// Usage:
///   var hook = new ReshuffleHook(trainLoader);
///   for (...) { hook.OnEpochStart(epoch); ... }
/// </summary>
public sealed class ReshuffleHook
{
    private readonly EpochDataLoader _loader;

    public ReshuffleHook(EpochDataLoader loader)
    {
        _loader = loader ?? throw new ArgumentNullException(nameof(loader));
    }

    public void OnEpochStart(int epoch)
    {
        // The sampler uses (seed + epoch) to generate the permutation, so we need to update it here.
        (_loader.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
        Console.WriteLine($"[ReshuffleHook] epoch {epoch}: {_loader.Count} batches");
    }
}

/// <summary>Small embedding network used in the example.</summary>
public sealed class TripletEmbeddingNet : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _body;

    public TripletEmbeddingNet(int inputDim, int embeddingDim) : base(nameof(TripletEmbeddingNet))
    {
        _body = nn.Sequential(
            nn.Linear(inputDim, 256),
            nn.ReLU(),
            nn.Linear(256, embeddingDim));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => nn.functional.normalize(_body.call(x), p: 2.0, dim: 1);
}

public static class MetricTrainer
{
    public static void Fit(TripletEmbeddingNet model, EpochDataLoader trainLoader, int epochs, double margin = 0.2)
    {
        var optimizer = optim.AdamW(model.parameters(), lr: 3e-4);
        var hook = new ReshuffleHook(trainLoader);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            hook.OnEpochStart(epoch);
            model.train();
            double total = 0;
            int n = 0;

            foreach (var batch in trainLoader)
            {
                using var scope = NewDisposeScope();
                var emb = model.call(batch["data"].flatten(1));
                var labels = batch["label"];

                // batch-hard triplet loss
                var dist = cdist(emb, emb);
                var same = labels.unsqueeze(0).eq(labels.unsqueeze(1));
                var hardestPos = (dist * same.to_type(ScalarType.Float32)).max(1).values;
                var hardestNeg = dist.masked_fill(same, 1e9).min(1).values;
                var loss = nn.functional.relu(hardestPos - hardestNeg + margin).mean();

                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                n++;
            }

            Console.WriteLine($"Epoch {epoch + 1}/{epochs} - triplet loss {total / Math.Max(n, 1):F4}");
        }
    }
}
