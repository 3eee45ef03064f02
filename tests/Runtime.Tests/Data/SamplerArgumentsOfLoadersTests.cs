using Composer.Data;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Data;

/// <summary>A loader's sampler arguments that contradict each other are refused with a message that says which argument decides.</summary>
public class SamplerArgumentsOfLoadersTests
{
    [Fact]
    public void ConflictingSamplerArgumentsAreRefusedSayingWhy()
    {
        using var data = TestData.Indexed(10);
        var batchSampler = new BatchSampler(new SequentialSampler(10), 2);
        var batchSize = Assert.Throws<ArgumentException>("batchSize", () => new EpochDataLoader(data, batchSize: 4, batchSampler: batchSampler));
        Assert.Contains("batchSampler", batchSize.Message);
        Assert.Contains("4", batchSize.Message);
        Assert.Contains("batchSampler", Assert.Throws<ArgumentException>("shuffle", () => new EpochDataLoader(data, shuffle: true, batchSampler: batchSampler)).Message);
        Assert.Contains("batchSampler", Assert.Throws<ArgumentException>("sampler", () => new EpochDataLoader(data, sampler: new SequentialSampler(10), batchSampler: batchSampler)).Message);
        Assert.Contains("batchSampler", Assert.Throws<ArgumentException>("dropLast", () => new EpochDataLoader(data, dropLast: true, batchSampler: batchSampler)).Message);
        Assert.Contains("sampler", Assert.Throws<ArgumentException>("shuffle", () => new EpochDataLoader(data, shuffle: true, sampler: new SequentialSampler(10))).Message);
        using var empty = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = zeros(0, 3) });
        Assert.Contains("empty", Assert.Throws<ArgumentException>("dataset", () => new EpochDataLoader(empty)).Message);
    }
}
