using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class MixUpTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)] // micro-batches: each gets its rows of the permuted targets
    public void InputsAreMixedAndTheLossIsTheMixtureOfTheTwoTargetsLosses(int gradAccumSteps)
    {
        var batches = TrainingFixtures.Batches(96, 48);
        using var model = TrainingFixtures.Mlp(5, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var mixUp = new MixUp(alpha: 0.4);
        int checkedLosses = 0, checkedBatches = 0;
        long row = 0;
        Dictionary<string, Tensor>? loaded = null;
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = batches,
            Device = "cpu",
            GradAccumSteps = gradAccumSteps,
            Algorithms = [mixUp],
            Callbacks = [new RecordingCallback((e, s) =>
            {
                switch (e)
                {
                    case Event.AfterDataloader: // callbacks run after the algorithms: the batch is mixed
                        loaded = batches[(int)s.Timestamp.BatchInEpoch];
                        double lambda = mixUp.Mixing;
                        using (var perm = tensor(mixUp.Permutation.ToArray()))
                        {
                            var x = loaded["data"];
                            TensorAssert.Close(x * lambda + x.index_select(0, perm) * (1 - lambda), s.Batch!["data"]);
                        }

                        Assert.Same(loaded["label"], s.Batch!["label"]); // targets untouched
                        Assert.Equal(48, mixUp.Permutation.Distinct().Count());
                        row = 0;
                        checkedBatches++;
                        break;
                    case Event.AfterLoss:
                        long rows = s.Batch!["label"].size(0);
                        using (var perm = tensor(mixUp.Permutation.Skip((int)row).Take((int)rows).ToArray()))
                        {
                            var y = s.Batch["label"];
                            var permuted = loaded!["label"].index_select(0, perm);
                            var expected = nn.functional.cross_entropy(s.Outputs!, y) * mixUp.Mixing
                                + nn.functional.cross_entropy(s.Outputs!, permuted) * (1 - mixUp.Mixing);
                            TensorAssert.Close(expected, s.MicroBatchLoss!);
                        }

                        row += rows;
                        checkedLosses++;
                        break;
                }
            })],
        });
        trainer.Fit();

        Assert.Equal(2, checkedBatches);
        Assert.Equal(2 * gradAccumSteps, checkedLosses);
        Assert.InRange(mixUp.Mixing, 0, 1);
        Assert.NotEqual(1, mixUp.Mixing);
    }

    [Fact]
    public void DrawsDependOnTheSeedEpochAndBatchAlone()
    {
        var first = Draws(seed: 3);
        Assert.Equal(first, Draws(seed: 3));
        Assert.NotEqual(first, Draws(seed: 4));
        Assert.Equal(6, first.Distinct().Count()); // a new draw every batch, epochs included
    }

    [Fact]
    public void BetaDrawsHaveTheBetaDistributionsMeanAndVariance()
    {
        foreach (double alpha in new[] { 0.2, 1.0, 4.0 })
        {
            var draws = Enumerable.Range(0, 20_000).Select(i => new SampleRandom(1, 0, i).NextBeta(alpha)).ToArray();
            double mean = draws.Average();
            double variance = draws.Select(d => (d - mean) * (d - mean)).Average();
            Assert.All(draws, d => Assert.InRange(d, 0, 1));
            Assert.InRange(mean, 0.49, 0.51);
            Assert.InRange(variance, 0.95 / (4 * (2 * alpha + 1)), 1.05 / (4 * (2 * alpha + 1))); // Beta(a, a): 1 / (4 (2a + 1))
        }
    }

    [Fact]
    public void GammaAndNormalDrawsHaveTheirDistributionsMomentsAndQuantiles()
    {
        // Beta(a, a) = X / (X + Y) hides any error that scales X and Y alike, so the draws under it are checked themselves:
        // the mean, variance and skewness of Gamma(k) are k, k and 2 / sqrt(k) (tolerances about four standard errors).
        const int n = 40_000;
        foreach (double shape in new[] { 0.2, 1.0, 4.0 })
        {
            var draws = Enumerable.Range(0, n).Select(i => new SampleRandom(5, 0, i).NextGamma(shape)).ToArray();
            double mean = draws.Average();
            double variance = draws.Select(d => (d - mean) * (d - mean)).Average();
            double skewness = draws.Select(d => Math.Pow(d - mean, 3)).Average() / Math.Pow(variance, 1.5);
            Assert.All(draws, d => Assert.True(d >= 0));
            Assert.InRange(mean, shape * 0.97, shape * 1.03);
            Assert.InRange(variance, shape * 0.9, shape * 1.1);
            Assert.InRange(skewness, 2 / Math.Sqrt(shape) * 0.8, 2 / Math.Sqrt(shape) * 1.2);
        }

        var normal = Enumerable.Range(0, n).Select(i => new SampleRandom(6, 0, i).NextNormal()).ToArray();
        Assert.InRange(normal.Average(), -0.02, 0.02);
        Assert.InRange(normal.Select(z => z * z).Average(), 0.97, 1.03);
        Assert.InRange(normal.Count(z => Math.Abs(z) < 1) / (double)n, 0.6827 - 0.01, 0.6827 + 0.01);
        Assert.InRange(normal.Count(z => z < -1.6449) / (double)n, 0.05 - 0.005, 0.05 + 0.005);
    }

    /// <summary>With alpha 0 nothing is mixed: every batch is left as loaded and each sample's loss is its own (λ = 1).</summary>
    [Fact]
    public void AlphaZeroLeavesTheInputsAlone()
    {
        var (data, label) = TrainingFixtures.Subset(8);
        var mixUp = new MixUp(alpha: 0);
        using var harness = new AlgorithmHarness();
        for (int epoch = 0; epoch < 20; epoch++)
        {
            using var scope = NewDisposeScope();
            var batch = harness.Apply(mixUp, new() { ["data"] = data, ["label"] = label }, epoch);
            Assert.Equal(1, mixUp.Mixing);
            TensorAssert.Equal(data, batch["data"]);
        }
    }

    /// <summary>
    /// Beta(a, a) for a tiny a: both Gamma draws often underflow to 0 (Gamma(a) has about x^a of its mass below x, so with
    /// a = 0.001 about half its draws lie below the smallest double), and the draw is then a fair coin, 0 or 1. Beta(a, a)
    /// is symmetric about 1/2, so half the draws lie below it.
    /// </summary>
    [Fact]
    public void BetaDrawsForATinyAlphaAreSymmetric()
    {
        const int n = 20_000;
        var draws = Enumerable.Range(0, n).Select(i => new SampleRandom(1, 0, i).NextBeta(0.001)).ToArray();
        Assert.All(draws, d => Assert.InRange(d, 0, 1));
        // The standard error of the share is 0.0035 and the margin 0.02; sending every double underflow (about a fifth of
        // the draws) to the same side would move the share by 0.1.
        Assert.InRange(draws.Count(d => d < 0.5) / (double)n, 0.48, 0.52);
    }

    [Fact]
    public void PermutationsAreUniform()
    {
        // Where element 0 lands, over many permutations of 4: each place a quarter of the time.
        var counts = new int[4];
        for (int i = 0; i < 40_000; i++)
        {
            counts[Array.IndexOf(new SampleRandom(2, 0, i).NextPermutation(4), 0L)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void ANegativeAlphaIsRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MixUp(alpha: -1));
        Assert.Equal("alpha", e.ParamName);
        Assert.Contains("-1", e.Message);
    }

    private static List<double> Draws(int seed)
    {
        using var model = TrainingFixtures.Mlp(5, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var mixUp = new MixUp(alpha: 1);
        var draws = new List<double>();
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(96, 32),
            Device = "cpu",
            Seed = seed,
            MaxDuration = "2ep",
            Algorithms = [mixUp],
            Callbacks = [new RecordingCallback((e, s) => { if (e == Event.BatchStart) { draws.Add(mixUp.Mixing); } })],
        });
        trainer.Fit();
        return draws;
    }
}
