// Scenario: test-time augmentation over an augmented, unshuffled test loader, each pass told its own epoch so crops and flips differ — right, nothing to report.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;

public static class FlipCropTta
{
    public static Tensor PredictProbabilities(nn.Module<Tensor, Tensor> model, ImageFolder augmentedTest, int views, Device device)
    {
        using var loader = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(augmentedTest, ImageFolder.Collate, batchSize: 256, device: device);
        var sum = zeros(augmentedTest.Count, augmentedTest.Classes.Count, device: device);

        model.eval();
        using var _ = no_grad();
        for (int view = 0; view < views; view++)
        {
            // The per-sample generators depend on the epoch: a new epoch means a new crop and flip per image.
            loader.SetEpoch(view);
            long row = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var p = nn.functional.softmax(model.call(batch["data"]), 1);
                sum.narrow(0, row, p.shape[0]).add_(p);
                row += p.shape[0];
            }
        }
        return sum.div_(views);
    }
}
