using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class ProgressiveResizingTests
{
    [Theory]
    // Composer's schedule: initial 0.5 until 0.5 of training, linear to 1 at 0.8, then 1.
    [InlineData(0.0, 0.5, 16)]  // round(28 · 0.5 / 4) · 4 = round(3.5) · 4 = 16 (half to even)
    [InlineData(0.49, 0.5, 16)]
    [InlineData(0.65, 0.75, 20)] // round(5.25) · 4
    [InlineData(0.7, 0.8333333333333334, 24)] // round(5.83) · 4
    [InlineData(0.8, 1.0, 28)]
    [InlineData(0.95, 1.0, 28)]
    public void TheScaleFollowsComposersSchedule(double progress, double scale, int width)
    {
        var resizing = new ProgressiveResizing();
        Assert.Equal(scale, resizing.ScaleAt(progress), 9);
        Assert.Equal((width, width), resizing.SizeAt(28, 28, progress));
    }

    [Theory]
    [InlineData("resize")]
    [InlineData("crop")]
    public void EachBatchHasTheSizeOfItsProgress(string mode)
    {
        var batches = TrainingFixtures.Batches(80, 8); // 10 batches an epoch, 2 epochs: progress 0, 0.05, ..., 0.95
        using var model = TrainingFixtures.Cnn(3);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var resizing = new ProgressiveResizing(mode, initialScale: 0.5, finetuneFraction: 0.2, delayFraction: 0.3);
        var sizes = new List<(int, int)>();
        var windows = new List<(int Top, int Left)>();
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = batches,
            Device = "cpu",
            MaxDuration = "2ep",
            Algorithms = [resizing],
            Callbacks = [new RecordingCallback((e, s) =>
            {
                if (e != Event.BatchStart)
                {
                    return;
                }

                var x = s.Batch!["data"];
                var original = batches[(int)s.Timestamp.BatchInEpoch]["data"];
                var (h, w) = resizing.SizeAt(28, 28, s.Progress);
                Assert.Equal(new long[] { 8, 1, h, w }, x.shape);
                sizes.Add((h, w));
                if (mode == "resize" && h < 28)
                {
                    var expected = nn.functional.interpolate(original, [h, w], mode: InterpolationMode.Nearest);
                    TensorAssert.Equal(expected, x);
                }
                else if (mode == "crop")
                {
                    // Some window of the original, the same for the whole batch.
                    bool found = false;
                    for (int top = 0; top <= 28 - h && !found; top++)
                    {
                        for (int left = 0; left <= 28 - w && !found; left++)
                        {
                            found = original[.., .., top..(top + h), left..(left + w)].eq(x).all().item<bool>();
                            if (found && h < 28)
                            {
                                windows.Add((top, left));
                            }
                        }
                    }

                    Assert.True(found, $"no {h}×{w} window of the batch equals the crop");
                }
            })],
        });
        trainer.Fit();

        Assert.Equal(20, sizes.Count);
        Assert.Equal((16, 16), sizes[0]);
        Assert.Equal((28, 28), sizes[^1]);
        Assert.True(sizes.Select(s => s.Item1).Distinct().Count() >= 3); // it grew in steps
        if (mode == "crop")
        {
            // Crops are taken at random places, not always in one corner (rows and columns drawn separately).
            Assert.True(windows.Select(w => w.Top).Distinct().Count() > 1 && windows.Select(w => w.Left).Distinct().Count() > 1, string.Join(" ", windows));
        }
    }

    [Fact]
    public void FractionsThatAddUpToMoreThanOneAreRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ProgressiveResizing(delayFraction: 0.7, finetuneFraction: 0.5));
        Assert.Equal("delayFraction", e.ParamName);
        Assert.Equal("mode", Assert.Throws<ArgumentException>(() => new ProgressiveResizing(mode: "zoom")).ParamName);
    }

    /// <summary>
    /// A delay and a finetuning that add up to the whole training are allowed: the scale stays at its initial value
    /// until the delay ends and is 1 from there on, the start of the finetuning.
    /// </summary>
    [Fact]
    public void FractionsThatAddUpToOneJumpToFullSizeWhenTheDelayEnds()
    {
        var resizing = new ProgressiveResizing(initialScale: 0.5, finetuneFraction: 0.5, delayFraction: 0.5);
        Assert.Equal(0.5, resizing.ScaleAt(0.0));
        Assert.Equal(0.5, resizing.ScaleAt(0.49));
        Assert.Equal(1.0, resizing.ScaleAt(0.5));
        Assert.Equal(1.0, resizing.ScaleAt(0.9));

        var finetuneOnly = new ProgressiveResizing(initialScale: 0.5, finetuneFraction: 1, delayFraction: 0);
        Assert.Equal(1.0, finetuneOnly.ScaleAt(0.0));
    }

    /// <summary>
    /// At full scale the batch is left as loaded (not copied), also when the width is not a multiple of the size
    /// increment: rounding it up to one would make the images larger than they are.
    /// </summary>
    [Theory]
    [InlineData("resize")]
    [InlineData("crop")]
    public void AtFullScaleTheBatchIsLeftAsLoaded(string mode)
    {
        var resizing = new ProgressiveResizing(mode);
        Assert.Equal((28, 30), resizing.SizeAt(28, 30, 0.9)); // round(30 / 4) · 4 = 32, more than 30
        using var harness = new AlgorithmHarness(maxDuration: 10);
        using var images = rand(2, 1, 28, 30);
        var batch = harness.Apply(resizing, new() { ["data"] = images }, epoch: 9); // progress 0.9: the finetuning
        Assert.Same(images, batch["data"]);
    }

    /// <summary>Images one row high (signals, N × C × 1 × W) shrink in width: the height stays at its minimum of 1.</summary>
    [Theory]
    [InlineData("resize")]
    [InlineData("crop")]
    public void ImagesOneRowHighShrinkInWidth(string mode)
    {
        var resizing = new ProgressiveResizing(mode);
        Assert.Equal((1, 16), resizing.SizeAt(1, 28, 0));
        using var harness = new AlgorithmHarness(maxDuration: 10);
        using var images = arange(56, dtype: ScalarType.Float32).reshape(2, 1, 1, 28);
        using var scope = NewDisposeScope();
        var resized = harness.Apply(resizing, new() { ["data"] = images }, epoch: 0)["data"];
        Assert.Equal(new long[] { 2, 1, 1, 16 }, resized.shape);
    }

    /// <summary>
    /// A crop is taken at every offset equally often, the last ones included (a random crop: the top uniform over
    /// 0 .. H − h): every row and column of the images is trained on.
    /// </summary>
    [Fact]
    public void CropsAreTakenAtEveryOffsetEquallyOften()
    {
        const int draws = 2100, height = 20, width = 36;
        var resizing = new ProgressiveResizing("crop");
        var (h, w) = resizing.SizeAt(height, width, 0);
        Assert.Equal((8, 16), (h, w)); // round(36 · 0.5 / 4) · 4 = 16 (half to even), 20 · 16 / 36 = 8.9
        using var images = arange(height * width, dtype: ScalarType.Float32).reshape(1, 1, height, width); // every pixel its own value
        using var harness = new AlgorithmHarness();
        var tops = new int[height - h + 1];
        var lefts = new int[width - w + 1];
        for (int epoch = 0; epoch < draws; epoch++)
        {
            using var scope = NewDisposeScope();
            var crop = harness.Apply(resizing, new() { ["data"] = images }, epoch)["data"];
            int corner = (int)crop[0, 0, 0, 0].item<float>();
            int top = corner / width, left = corner % width;
            TensorAssert.Equal(images[.., .., top..(top + h), left..(left + w)], crop);
            tops[top]++;
            lefts[left]++;
        }

        // 13 tops and 21 lefts, each expected draws / 13 ≈ 162 and draws / 21 = 100 times: 40% either way is more than
        // four standard deviations; an offset never drawn is 0.
        Assert.All(tops, c => Assert.InRange(c, 0.6 * draws / tops.Length, 1.4 * draws / tops.Length));
        Assert.All(lefts, c => Assert.InRange(c, 0.6 * draws / lefts.Length, 1.4 * draws / lefts.Length));
    }
}
