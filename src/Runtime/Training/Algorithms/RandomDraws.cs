using Composer.Data;

namespace Composer.Training;

/// <summary>What augmenting algorithms draw from a batch's <see cref="SampleRandom"/>: permutations and Beta-distributed mixing coefficients.</summary>
internal static class RandomDraws
{
    /// <summary>A uniformly random permutation of <c>0 .. count-1</c> (Fisher–Yates).</summary>
    public static long[] NextPermutation(this SampleRandom random, int count)
    {
        var permutation = new long[count];
        for (int i = 0; i < count; i++)
        {
            permutation[i] = i;
        }

        for (int i = count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
        }

        return permutation;
    }

    /// <summary>A draw from Beta(<paramref name="alpha"/>, <paramref name="alpha"/>): X / (X + Y) with X, Y ~ Gamma(alpha).</summary>
    public static double NextBeta(this SampleRandom random, double alpha)
    {
        double x = random.NextGamma(alpha);
        double y = random.NextGamma(alpha);
        return x + y > 0 ? x / (x + y) : random.NextDouble() < 0.5 ? 0 : 1; // both underflow only for tiny alpha: Beta is then a coin flip
    }

    /// <summary>A draw from Gamma(<paramref name="shape"/>, 1) by Marsaglia and Tsang's method (boosted below shape 1).</summary>
    internal static double NextGamma(this SampleRandom random, double shape)
    {
        if (shape < 1)
        {
            // Gamma(a) = Gamma(a + 1) · U^(1/a)
            double u = 1 - random.NextDouble(); // in (0, 1]
            return random.NextGamma(shape + 1) * Math.Pow(u, 1 / shape);
        }

        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = random.NextNormal();
                v = 1 + c * x;
            }
            while (v <= 0);

            v = v * v * v;
            double u = 1 - random.NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v))
            {
                return d * v;
            }
        }
    }

    /// <summary>A standard normal draw (Box–Muller, one of the pair).</summary>
    internal static double NextNormal(this SampleRandom random)
    {
        double u1 = 1 - random.NextDouble(); // in (0, 1]: log is finite
        double u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
