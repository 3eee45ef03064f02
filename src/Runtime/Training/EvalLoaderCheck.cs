using Composer.Data;
using Composer.Distributed;

namespace Composer.Training;

/// <summary>Rejects evaluation loaders that would not show the model every sample exactly once.</summary>
internal static class EvalLoaderCheck
{
    /// <summary>
    /// For a loader that says where its indices come from (<see cref="IDataLoader{TBatch}.BatchSampler"/> over
    /// <see cref="IDataLoader{TBatch}.DatasetLength"/> samples), in a single process, reads its batch sampler's indices (no
    /// data) and throws when some samples are dropped (<c>dropLast</c>, a P×K sampler), repeated, or outside the data set.
    /// </summary>
    public static void EnsureSeesEverySample(IDataLoader<object> loader, string parameterName)
    {
        if (loader.BatchSampler is not { } batchSampler || loader.DatasetLength is not { } length || Dist.WorldSize > 1)
        {
            return; // Each rank sees its own shard; other loaders cannot be inspected without loading data.
        }

        var seen = new bool[length];
        long repeated = 0, covered = 0;
        foreach (var batch in batchSampler)
        {
            foreach (long index in batch)
            {
                if ((ulong)index >= (ulong)length)
                {
                    throw new ArgumentOutOfRangeException(
                        parameterName,
                        index,
                        $"EvalLoader's batch sampler ({batchSampler.GetType().Name}) yields index {index}, outside the dataset's {length} samples (indices 0 to {length - 1}).");
                }

                if (seen[index])
                {
                    repeated++;
                }
                else
                {
                    seen[index] = true;
                    covered++;
                }
            }
        }

        if (covered < length || repeated > 0)
        {
            throw new ArgumentException(
                $"EvalLoader's batch sampler ({batchSampler.GetType().Name}) covers {covered} of the dataset's {length} samples" +
                $"{(repeated > 0 ? $" and repeats {repeated}" : "")}: evaluation metrics would be computed on {(covered < length ? "a subset" : "repeated samples")}. " +
                "Evaluate with a sequential batch sampler without dropLast.",
                parameterName);
        }
    }
}
