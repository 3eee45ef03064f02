using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class CutOutTests
{
    [Theory]
    [InlineData(1, 0.5, 14)] // half of the 28-pixel side
    [InlineData(2, 6.0, 6)]  // pixels
    [InlineData(1, 1.0, 0)]  // from 1 on, pixels: one pixel, which (as Composer: length // 2 on each side of the centre) cuts nothing
    public void HolesOfTheGivenSideAreZeroAndTheLoadersTensorsAreLeftAlone(int numHoles, double length, int side)
    {
        var batches = TrainingFixtures.Batches(64, 32);
        var originals = batches.Select(b => b["data"].clone()).ToList();
        using var model = TrainingFixtures.Mlp(5, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var cutOut = new CutOut(numHoles, length);
        int seen = 0;
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = batches,
            Device = "cpu",
            Algorithms = [cutOut],
            Callbacks = [new RecordingCallback((e, s) =>
            {
                if (e != Event.AfterDataloader)
                {
                    return;
                }

                var x = batches[(int)s.Timestamp.BatchInEpoch]["data"];
                var mask = ones(28, 28);
                Assert.Equal(numHoles, cutOut.Holes.Count);
                foreach (var (top, left, bottom, right) in cutOut.Holes)
                {
                    // A hole is centred on a pixel and clipped at the border: within the image, side pixels along each axis.
                    Assert.InRange(bottom - top, 0, side);
                    Assert.InRange(right - left, 0, side);
                    Assert.True(bottom - top == side || top == 0 || bottom == 28);
                    Assert.True(right - left == side || left == 0 || right == 28);
                    mask[top..bottom, left..right] = 0;
                }

                TensorAssert.Equal(x * mask, s.Batch!["data"]);
                seen++;
            })],
        });
        trainer.Fit();

        Assert.Equal(2, seen);
        for (int i = 0; i < batches.Count; i++)
        {
            TensorAssert.Equal(originals[i], batches[i]["data"]);
        }
    }

    [Fact]
    public void ArgumentsOutOfRangeAreRefused()
    {
        Assert.Equal("numHoles", Assert.Throws<ArgumentOutOfRangeException>(() => new CutOut(numHoles: 0)).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CutOut(length: -2));
        Assert.Equal("length", e.ParamName);
        Assert.Contains("-2", e.Message);
    }

    /// <summary>
    /// With uniform sampling every row and column is cut equally often: a hole of side s is centred uniformly over the
    /// H + s rows at which it meets the image, so each row is cut with probability s / (H + s). The images are not square:
    /// a length below 1 is a fraction of the shorter side, and a hole away from the border is s × s.
    /// </summary>
    [Fact]
    public void WithUniformSamplingEveryRowAndColumnIsCutEquallyOften()
    {
        const int draws = 3000, height = 40, width = 64, side = 20; // half of the shorter side
        using var images = ones(2, 1, height, width);
        var cutOut = new CutOut(length: 0.5, uniformSampling: true);
        using var harness = new AlgorithmHarness();
        var rows = new double[height];
        var columns = new double[width];
        for (int epoch = 0; epoch < draws; epoch++)
        {
            using var scope = NewDisposeScope();
            var cut = harness.Apply(cutOut, new() { ["data"] = images }, epoch)["data"];
            var (top, left, bottom, right) = Assert.Single(cutOut.Holes);
            Assert.True(0 <= top && top <= bottom && bottom <= height && 0 <= left && left <= right && right <= width, $"{cutOut.Holes[0]}");
            Assert.True(bottom - top == side || top == 0 || bottom == height, $"{cutOut.Holes[0]}");
            Assert.True(right - left == side || left == 0 || right == width, $"{cutOut.Holes[0]}");
            Assert.Equal(2 * (height * width - (bottom - top) * (right - left)), cut.sum().item<float>()); // the hole's pixels are zero
            for (int y = top; y < bottom && right > left; y++)
            {
                rows[y] += 1.0 / draws;
            }

            for (int x = left; x < right && bottom > top; x++)
            {
                columns[x] += 1.0 / draws;
            }
        }

        // Rows 20 / 60, columns 20 / 84, exactly (the side is even). Four standard errors of 3000 draws are 0.035; a
        // wrong range of centers moves a row's share by 0.06 or more, a hole of the longer side's length by 0.1.
        Assert.All(rows, p => Assert.InRange(p, (double)side / (height + side) - 0.035, (double)side / (height + side) + 0.035));
        Assert.All(columns, p => Assert.InRange(p, (double)side / (width + side) - 0.035, (double)side / (width + side) + 0.035));
    }
}
