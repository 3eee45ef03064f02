// Scenario: test-time augmentation that averages several passes over an augmented, unshuffled test loader but tells it the same epoch (a method parameter) on every pass — wrong, every pass draws identical crops and flips (CMP004).
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;

public static class TtaEvaluator
{
    /// <summary>Averages softmax outputs over <paramref name="passes"/> randomly cropped and flipped views of the test set.</summary>
    public static double Evaluate(nn.Module<Tensor, Tensor> model, string testRoot, int passes, int augmentationEpoch, Device device)
    {
        var augment = new Compose(new Resize(72), new RandomCrop(64), new RandomHorizontalFlip(), new Normalize([0.5f, 0.5f, 0.5f], [0.25f, 0.25f, 0.25f]));
        var folder = new ImageFolder(testRoot, augment);
        // Order fixed so the i-th prediction of every pass is the same image.
        using var tta = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(folder, ImageFolder.Collate, batchSize: 200, seed: 13, device: device);

        using var probs = zeros(folder.Count, folder.Classes.Count, device: device);
        model.eval();
        using (no_grad())
        {
            for (int pass = 0; pass < passes; pass++)
            {
                tta.SetEpoch(augmentationEpoch); //! CMP004
                long offset = 0;
                foreach (var batch in tta)
                {
                    using var scope = NewDisposeScope();
                    var p = nn.functional.softmax(model.call(batch["data"]), 1);
                    long n = p.shape[0];
                    probs.narrow(0, offset, n).add_(p);
                    offset += n;
                }
            }
        }

        using var labels = tensor(folder.Labels.ToArray(), device: device);
        return probs.argmax(1).eq(labels).to_type(ScalarType.Float32).mean().item<float>();
    }
}
