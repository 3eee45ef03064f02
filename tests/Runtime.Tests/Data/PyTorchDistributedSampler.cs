using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Data;

/// <summary>
/// A line-by-line transliteration of PyTorch's <c>DistributedSampler.__iter__</c> (torch/utils/data/distributed.py),
/// on TorchSharp's randperm, which reproduces PyTorch's CPU generator. The reference the parity tests compare to.
/// </summary>
internal static class PyTorchDistributedSampler
{
    public static List<long> Iter(long len, int numReplicas, int rank, bool shuffle, int seed, int epoch, bool dropLast)
    {
        long numSamples = dropLast && len % numReplicas != 0
            ? (long)Math.Ceiling((len - numReplicas) / (double)numReplicas)
            : (long)Math.Ceiling(len / (double)numReplicas);
        long totalSize = numSamples * numReplicas;

        List<long> indices;
        if (shuffle)
        {
            using var g = new Generator();
            g.manual_seed(seed + epoch);
            using var perm = randperm(len, generator: g);
            indices = perm.data<long>().ToList();
        }
        else indices = Enumerable.Range(0, (int)len).Select(i => (long)i).ToList();

        if (!dropLast)
        {
            long paddingSize = totalSize - indices.Count;
            if (paddingSize <= indices.Count) indices.AddRange(indices.Take((int)paddingSize).ToList());
            else
            {
                var repeated = Enumerable.Repeat(indices, (int)Math.Ceiling(paddingSize / (double)indices.Count)).SelectMany(x => x).ToList();
                indices.AddRange(repeated.Take((int)paddingSize));
            }
        }
        else indices = indices.Take((int)totalSize).ToList();

        // indices[rank:total_size:num_replicas]
        var result = new List<long>();
        for (int i = rank; i < totalSize; i += numReplicas) result.Add(indices[i]);
        return result;
    }
}
