using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

internal static class TensorAssert
{
    /// <summary>Same shape and every element within <paramref name="tolerance"/> (absolute plus relative).</summary>
    public static void Close(Tensor expected, Tensor actual, double tolerance = 1e-6)
    {
        Assert.Equal(expected.shape, actual.shape);
        var e = expected.detach().cpu().to(ScalarType.Float64).data<double>().ToArray();
        var a = actual.detach().cpu().to(ScalarType.Float64).data<double>().ToArray();
        for (int i = 0; i < e.Length; i++)
        {
            Assert.True(Math.Abs(e[i] - a[i]) <= tolerance * (1 + Math.Abs(e[i])), $"element {i}: expected {e[i]}, got {a[i]}");
        }
    }

    /// <summary>Same shape, dtype and bits.</summary>
    public static void Equal(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.shape, actual.shape);
        Assert.Equal(expected.dtype, actual.dtype);
        Assert.True(expected.cpu().eq(actual.cpu()).all().item<bool>(), "the tensors differ");
    }
}
