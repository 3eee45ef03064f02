using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Foundation;

public class TorchLoadsTests
{
    [Fact]
    public void RandpermMatchesPyTorchCpuGenerator()
    {
        // torch.randperm(10, generator=torch.Generator().manual_seed(42)) in PyTorch.
        using var generator = new Generator(42);
        using var permutation = randperm(10, generator: generator);
        Assert.Equal(new long[] { 2, 6, 1, 8, 4, 5, 0, 9, 3, 7 }, permutation.data<long>().ToArray());
    }
}
