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
}
