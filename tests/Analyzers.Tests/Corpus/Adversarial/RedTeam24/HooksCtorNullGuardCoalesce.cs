// Scenario: the user's ReshuffleHook stores the loader it is given with the usual null guard (`_loader = loader ?? throw new ArgumentNullException(nameof(loader))`) and its `OnEpochStart(epoch)` calls `_loader.SetEpoch(epoch)`; the loop builds `var hook = new ReshuffleHook(train)` before it and calls `hook.OnEpochStart(epoch)` each pass. Correct: a method in view called on an object built around `train` that sets the field holding what its constructor was given sets `train` (rules overview). Nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.HooksCtorNullGuardCoalesce;

public sealed class ReshuffleHook
{
    private readonly EpochDataLoader _loader;
    private readonly TextWriter _log;

    public ReshuffleHook(EpochDataLoader loader, TextWriter? log = null)
    {
        _loader = loader ?? throw new ArgumentNullException(nameof(loader));
        _log = log ?? Console.Out;
    }

    public void OnEpochStart(int epoch)
    {
        _loader.SetEpoch(epoch);
        _log.WriteLine($"[epoch {epoch}] {_loader.Count} batches");
    }
}

public static class ImageClassifier
{
    public static void Fit(Module<Tensor, Tensor> model, InMemoryDataset images, int epochs, Device device)
    {
        using var train = new EpochDataLoader(images, batchSize: 64, shuffle: true, seed: 7, device: device, prefetch: true);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var hook = new ReshuffleHook(train);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            hook.OnEpochStart(epoch);
            model.train();
            long correct = 0, seen = 0;

            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var logits = model.call(batch["image"]);
                var loss = functional.cross_entropy(logits, batch["label"]);
                loss.backward();
                optimizer.step();
                correct += logits.argmax(1).eq(batch["label"]).sum().item<long>();
                seen += batch["label"].shape[0];
            }

            Console.WriteLine($"epoch {epoch}: train accuracy {(double)correct / Math.Max(seen, 1):P1}");
        }
    }
}
