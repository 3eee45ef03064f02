using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Distributed;

/// <summary>
/// Data-parallel gradient averaging: the gradients of a model's parameters are packed into a few flat
/// buckets of about <c>bucketBytes</c> each, summed across ranks with one all-reduce per bucket (not one
/// per parameter), divided by the world size and copied back.
/// </summary>
public sealed class GradientAllReducer : IDisposable
{
    readonly List<Bucket> _buckets = [];
    readonly List<Tensor> _parameters;

    sealed record Bucket(Tensor Flat, List<(Tensor Parameter, long Offset, long Count)> Members);

    /// <summary>Plans the buckets for <paramref name="model"/>'s trainable parameters.</summary>
    /// <param name="model">The model whose gradients are averaged.</param>
    /// <param name="bucketBytes">The target size of one bucket; must be positive.</param>
    public GradientAllReducer(nn.Module model, long bucketBytes = 4 << 20)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (bucketBytes <= 0) throw new ArgumentOutOfRangeException(nameof(bucketBytes), bucketBytes, $"bucketBytes must be positive, but was {bucketBytes}.");
        _parameters = model.parameters().Where(p => p.requires_grad).Cast<Tensor>().ToList();
        foreach (var group in _parameters.GroupBy(p => (p.dtype, p.device_type, p.device_index)))
        {
            var members = new List<(Tensor, long, long)>();
            long elements = 0, bytes = 0;
            foreach (var parameter in group)
            {
                members.Add((parameter, elements, parameter.numel()));
                elements += parameter.numel();
                bytes += parameter.numel() * parameter.element_size();
                if (bytes >= bucketBytes) Close();
            }
            Close();

            void Close()
            {
                if (members.Count == 0) return;
                var first = members[0].Item1;
                _buckets.Add(new Bucket(zeros(elements, first.dtype, first.device), members));
                members = [];
                elements = bytes = 0;
            }
        }
    }

    /// <summary>How many all-reduce calls one <see cref="AverageGradients"/> makes.</summary>
    public int BucketCount => _buckets.Count;

    /// <summary>Copies rank <paramref name="root"/>'s parameters to every rank, so that all start equal.</summary>
    public void BroadcastParameters(int root = 0)
    {
        using var noGrad = no_grad();
        foreach (var parameter in _parameters)
        {
            using var buffer = parameter.detach().contiguous().cpu();
            Dist.Broadcast(buffer, root);
            parameter.copy_(buffer);
        }
    }

    /// <summary>Replaces every gradient by its average over the ranks (a missing gradient counts as zero).</summary>
    public void AverageGradients()
    {
        if (Dist.WorldSize == 1) return;
        using var noGrad = no_grad();
        foreach (var bucket in _buckets)
        {
            foreach (var (parameter, offset, count) in bucket.Members)
            {
                using var slot = bucket.Flat.narrow(0, offset, count);
                if (parameter.grad is { } grad) slot.copy_(grad.reshape(-1));
                else slot.zero_();
            }
            Dist.AllReduce(bucket.Flat);
            bucket.Flat.div_(Dist.WorldSize);
            foreach (var (parameter, offset, count) in bucket.Members)
            {
                using var slot = bucket.Flat.narrow(0, offset, count);
                using var shaped = slot.view(parameter.shape);
                if (parameter.grad is { } grad) grad.copy_(shaped);
                else parameter.grad = shaped.clone();
            }
        }
    }

    /// <summary>Frees the buckets.</summary>
    public void Dispose()
    {
        foreach (var bucket in _buckets) bucket.Flat.Dispose();
        _buckets.Clear();
    }
}
