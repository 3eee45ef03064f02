using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class CutMixTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ABoxOfThePartnerIsPastedAndTheLossesAreMixedByArea(bool uniformSampling)
    {
        var batches = TrainingFixtures.Batches(96, 32);
        using var model = TrainingFixtures.Cnn(5);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var cutMix = new CutMix(alpha: 1, uniformSampling: uniformSampling);
        var boxes = new List<(int, int, int, int)>();
        Dictionary<string, Tensor>? loaded = null;
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = batches,
            Device = "cpu",
            MaxDuration = "2ep",
            Algorithms = [cutMix],
            Callbacks = [new RecordingCallback((e, s) =>
            {
                if (e == Event.AfterDataloader)
                {
                    loaded = batches[(int)s.Timestamp.BatchInEpoch];
                    var (top, left, bottom, right) = cutMix.Box;
                    boxes.Add(cutMix.Box);
                    Assert.Equal(1 - (double)(bottom - top) * (right - left) / (28 * 28), cutMix.Mixing, 12);
                    using var perm = tensor(cutMix.Permutation.ToArray());
                    var x = loaded["data"];
                    var expected = x.clone();
                    if (bottom > top && right > left)
                    {
                        expected[.., .., top..bottom, left..right] = x.index_select(0, perm)[.., .., top..bottom, left..right];
                    }

                    TensorAssert.Equal(expected, s.Batch!["data"]);
                }
                else if (e == Event.AfterLoss)
                {
                    using var perm = tensor(cutMix.Permutation.ToArray());
                    var expected = nn.functional.cross_entropy(s.Outputs!, loaded!["label"]) * cutMix.Mixing
                        + nn.functional.cross_entropy(s.Outputs!, loaded["label"].index_select(0, perm)) * (1 - cutMix.Mixing);
                    TensorAssert.Close(expected, s.MicroBatchLoss!);
                }
            })],
        });
        trainer.Fit();

        Assert.Equal(6, boxes.Count);
        Assert.True(boxes.Distinct().Count() > 1);
        Assert.Contains(boxes, b => b.Item3 > b.Item1 && b.Item4 > b.Item2); // something was pasted
    }

    /// <summary>
    /// The box over many batches of images N × H × W, not square: its area is 1 − Beta(α, α) of the image's before
    /// clipping and its center is uniform over the image (the paper) or over every place at which the box meets the image
    /// (uniform sampling, so that every pixel is covered equally often); the partner's pixels are pasted inside it.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheBoxHasTheDrawnAreaAndItsCenterTheDrawnPlace(bool uniformSampling)
    {
        const int draws = 3000, height = 48, width = 80;
        using var images = arange(3 * height * width, dtype: ScalarType.Float32).reshape(3, height, width); // every pixel its own value
        using var labels = tensor(new long[] { 0, 1, 2 });
        var cutMix = new CutMix(alpha: 1, uniformSampling: uniformSampling);
        using var harness = new AlgorithmHarness();
        double pasted = 0;
        var rows = new double[height];
        var columns = new double[width];
        for (int epoch = 0; epoch < draws; epoch++)
        {
            using var scope = NewDisposeScope();
            var mixed = harness.Apply(cutMix, new() { ["data"] = images, ["label"] = labels }, epoch)["data"];
            var (top, left, bottom, right) = cutMix.Box;
            Assert.True(0 <= top && top <= bottom && bottom <= height && 0 <= left && left <= right && right <= width, $"{cutMix.Box}");
            Assert.Equal(1 - (double)(bottom - top) * (right - left) / (height * width), cutMix.Mixing, 12);
            var expected = images.clone();
            if (bottom > top && right > left)
            {
                using var perm = tensor(cutMix.Permutation.ToArray());
                expected[.., top..bottom, left..right] = images.index_select(0, perm)[.., top..bottom, left..right];
                for (int y = top; y < bottom; y++)
                {
                    rows[y] += 1.0 / draws;
                }

                for (int x = left; x < right; x++)
                {
                    columns[x] += 1.0 / draws;
                }
            }

            TensorAssert.Equal(expected, mixed);
            pasted += (1 - cutMix.Mixing) / draws;
        }

        // With α = 1, 1 − λ₀ is uniform, so the box's side over the image's, r = √(1 − λ₀), has r² uniform on (0, 1).
        // Margins: the sides are floored to an even number of pixels (about one pixel of 48, up to 0.02 here) and four
        // standard errors of 3000 draws are 0.035 for a row's share and 0.02 for the mean area. A wrong side, center range
        // or sampling mode moves them by 0.1 or more.
        if (uniformSampling)
        {
            // The center is uniform over the H + rH rows at which the box meets the image: every row is covered with
            // probability r / (1 + r), E = 2 ln 2 − 1; the area pasted is (r / (1 + r))², E = 6 ln 2 − 4.
            Assert.All(rows, p => Assert.InRange(p, 2 * Math.Log(2) - 1 - 0.06, 2 * Math.Log(2) - 1 + 0.06));
            Assert.All(columns, p => Assert.InRange(p, 2 * Math.Log(2) - 1 - 0.06, 2 * Math.Log(2) - 1 + 0.06));
            Assert.InRange(pasted, 6 * Math.Log(2) - 4 - 0.04, 6 * Math.Log(2) - 4 + 0.04);
        }
        else
        {
            // The center is uniform over the image: the middle row is covered with probability r (E = 2/3), the first
            // and last with r / 2 (E = 1/3); along each axis the box keeps r − r² / 4 of the image on average, so the
            // area pasted is (r − r² / 4)², E = 1/2 − 1/5 + 1/48.
            foreach (var shares in new[] { rows, columns })
            {
                Assert.InRange(shares[shares.Length / 2], 2.0 / 3 - 0.06, 2.0 / 3 + 0.06);
                Assert.InRange(shares[0], 1.0 / 3 - 0.06, 1.0 / 3 + 0.06);
                Assert.InRange(shares[^1], 1.0 / 3 - 0.06, 1.0 / 3 + 0.06);
            }

            Assert.InRange(pasted, 0.5 - 0.2 + 1.0 / 48 - 0.04, 0.5 - 0.2 + 1.0 / 48 + 0.04);
        }
    }

    /// <summary>With alpha 0 nothing is pasted: every batch is left as loaded and each sample's loss is its own (λ = 1).</summary>
    [Fact]
    public void AlphaZeroPastesNothing()
    {
        var (data, label) = TrainingFixtures.Subset(8);
        var cutMix = new CutMix(alpha: 0);
        using var harness = new AlgorithmHarness();
        for (int epoch = 0; epoch < 20; epoch++)
        {
            using var scope = NewDisposeScope();
            var batch = harness.Apply(cutMix, new() { ["data"] = data, ["label"] = label }, epoch);
            Assert.Equal(1, cutMix.Mixing);
            TensorAssert.Equal(data, batch["data"]);
        }
    }
}
