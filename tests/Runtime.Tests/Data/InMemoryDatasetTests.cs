using Composer.Data;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Data;

/// <summary>The argument checks of <see cref="InMemoryDataset"/>, its index messages, and its ownership of its columns.</summary>
public class InMemoryDatasetTests
{
    [Fact]
    public void BadColumnsAreRefusedNamingTheColumn()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        Assert.Throws<ArgumentNullException>("columns", () => new InMemoryDataset(null!));
        Assert.Contains("at least one tensor", Assert.Throws<ArgumentException>("columns", () => new InMemoryDataset(new Dictionary<string, Tensor>())).Message);
        var isNull = Assert.Throws<ArgumentNullException>("columns", () => new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = zeros(3), ["label"] = null! }));
        Assert.Contains("Column 'label' is null", isNull.Message);
        var scalar = Assert.Throws<ArgumentException>("columns", () => new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = zeros(3), ["weight"] = tensor(1f) }));
        Assert.Contains("Column 'weight' is a scalar", scalar.Message);
        // Every column against the first one, not only against its predecessor.
        var sizes = Assert.Throws<ArgumentException>("columns", () => new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = zeros(3, 2), ["label"] = zeros(3), ["weight"] = zeros(4) }));
        Assert.Contains("Column 'weight' has 4 samples but the first column has 3", sizes.Message);
        Assert.Throws<ArgumentException>("columns", () => new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = zeros(3, 2), ["label"] = zeros(2) }));
    }

    [Fact]
    public void AnIndexOutsideTheDataSetIsNamedWithTheRange()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        using var data = TestData.Indexed(10);
        Assert.Contains("index must be in [0, 9], but was 10.", Assert.Throws<ArgumentOutOfRangeException>("index", () => data.GetTensor(10)).Message);
        Assert.Contains("indices must be in [0, 9], but held 10.", Assert.Throws<ArgumentOutOfRangeException>("indices", () => data.GetBatch([3, 10])).Message);
        var low = Assert.Throws<ArgumentOutOfRangeException>("indices", () => data.GetBatch(tensor(new long[] { 3, -2 })));
        Assert.Contains("indices must be in [0, 9], but held -2.", low.Message);
        var high = Assert.Throws<ArgumentOutOfRangeException>("indices", () => data.GetBatch(tensor(new long[] { 3, 0, 11 }))); // the smallest index is fine
        Assert.Equal(11L, high.ActualValue);
        Assert.Contains("indices must be in [0, 9], but held 11.", high.Message);
        Assert.Throws<ArgumentNullException>("indices", () => data.GetBatch((long[])null!));
        Assert.Throws<ArgumentNullException>("indices", () => data.GetBatch((Tensor)null!));
    }

    [Fact]
    public void NoIndicesGatherAnEmptyBatch()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        using var data = TestData.Indexed(10);
        var batch = data.GetBatch(empty(0, dtype: ScalarType.Int64));
        Assert.Equal([0L, 1], batch["data"].shape);
        Assert.Equal([0L], batch["label"].shape);
        Assert.Equal([0L, 1], data.GetBatch(Array.Empty<long>())["data"].shape);
    }

    [Fact]
    public void DisposingTheDataSetDisposesItsColumns()
    {
        var data = zeros(4, 2);
        var label = zeros(4, dtype: ScalarType.Int64);
        var dataset = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = data, ["label"] = label });
        Assert.False(data.IsInvalid || label.IsInvalid);
        dataset.Dispose();
        Assert.True(data.IsInvalid);
        Assert.True(label.IsInvalid);
    }
}
