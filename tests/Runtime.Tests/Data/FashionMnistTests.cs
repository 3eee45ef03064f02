using Composer.Data;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Data;

/// <summary>The real Fashion-MNIST files of the Debian package dataset-fashion-mnist (eng/prerequisites.sh installs it).</summary>
public class FashionMnistTests
{
    [Fact]
    public void ReadsTheTestSplit()
    {
        using var test = new FashionMnist(train: false);
        Assert.Equal(10_000, test.Count);
        Assert.Equal([10_000L, 1, 28, 28], test.Columns["data"].shape);
        Assert.Equal(ScalarType.Int64, test.Columns["label"].dtype);
        var counts = test.Columns["label"].bincount(null).data<long>().ToArray();
        Assert.Equal(Enumerable.Repeat(1000L, 10), counts); // the test split is balanced: 1,000 per class
        Assert.InRange(test.Columns["data"].max().item<float>(), 0.99f, 1f);
        Assert.Equal(0f, test.Columns["data"].min().item<float>());
    }

    [Fact]
    public void AMissingFolderNamesTheFolderAndThePackage()
    {
        string folder = Path.Combine(Path.GetTempPath(), "no-fashion-mnist-here");
        var error = Assert.Throws<FileNotFoundException>(() => new FashionMnist(folder));
        Assert.Contains(folder, error.Message);
        Assert.Contains("dataset-fashion-mnist", error.Message);
    }
}
