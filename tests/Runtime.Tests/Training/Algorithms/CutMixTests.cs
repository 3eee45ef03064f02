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
}
