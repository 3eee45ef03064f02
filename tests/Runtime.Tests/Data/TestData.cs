using Composer.Data;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Data;

internal static class TestData
{
    /// <summary>n samples whose "data" is the sample's own index, so batches show which samples they hold; labels i % classes.</summary>
    public static InMemoryDataset Indexed(long n, int classes = 4) => new(new Dictionary<string, Tensor>
    {
        ["data"] = arange(n, dtype: ScalarType.Float32).unsqueeze(1),
        ["label"] = arange(n, dtype: ScalarType.Int64).remainder(classes),
    });

    public static long[] Labels(long n, int classes = 4) => Enumerable.Range(0, (int)n).Select(i => (long)(i % classes)).ToArray();

    /// <summary>Same shape, same values.</summary>
    public static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    /// <summary>The sample indices of one epoch, batch by batch.</summary>
    public static List<long[]> Epoch(IEnumerable<Dictionary<string, Tensor>> loader) =>
        loader.Select(b => b["data"].squeeze(1).to_type(ScalarType.Int64).data<long>().ToArray()).ToList();
}
