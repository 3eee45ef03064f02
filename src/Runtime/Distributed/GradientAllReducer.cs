using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Distributed;

/// <summary>
/// Data-parallel gradient averaging: the gradients of a model's parameters live in a few flat buckets of
/// about <c>bucketBytes</c> each (every parameter's <c>.grad</c> is a view of its slice of a bucket, as with
/// PyTorch DDP's <c>gradient_as_bucket_view</c>), and the buckets of one dtype and device are consecutive slices of
/// one allocation, so that averaging is one in-place all-reduce per bucket and one in-place division over them all,
/// with no copies in or out.
/// </summary>
/// <remarks>
/// Buckets are filled in the order backward produces gradients (the model's last parameters first) and reduced
/// in that order. Backward accumulates into the views in place, and optimizers' <c>zero_grad</c> zeroes them in
/// place. A gradient that is not a view of its bucket (the parameter had none yet, or user code replaced it) is
/// copied into the bucket and the parameter's <c>.grad</c> set to the view again by the next
/// <see cref="AverageGradients"/>, which therefore stays correct whatever replaced it; only the copy costs.
/// </remarks>
public sealed unsafe class GradientAllReducer : IDisposable
{
    private readonly List<Bucket> _buckets = [];
    private readonly List<Tensor> _storages = []; // one per dtype and device: its buckets are consecutive slices of it
    private readonly List<Tensor> _parameters;

    private readonly record struct Slot(Tensor Parameter, long Offset, long Count);

    private sealed class Bucket(Tensor flat, Slot[] members)
    {
        public Tensor Flat { get; } = flat;
        public Slot[] Members { get; } = members;
        // Where the bucket's memory starts, for recognising views of it (CPU buckets; 0 elsewhere).
        public nint Address { get; } = flat.device_type == DeviceType.CPU ? AddressOf(flat) : 0;
    }

    /// <summary>Plans the buckets for <paramref name="model"/>'s trainable parameters.</summary>
    /// <param name="model">The model whose gradients are averaged.</param>
    /// <param name="bucketBytes">The target size of one bucket; must be positive.</param>
    public GradientAllReducer(nn.Module model, long bucketBytes = 4 << 20)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (bucketBytes <= 0) throw new ArgumentOutOfRangeException(nameof(bucketBytes), bucketBytes, $"bucketBytes must be positive, but was {bucketBytes}.");
        _parameters = model.parameters().Where(p => p.requires_grad).Cast<Tensor>().ToList();
        // Backward computes the gradients of the last layers first: those fill the first bucket.
        var backwardOrder = Enumerable.Reverse(_parameters);
        foreach (var group in backwardOrder.GroupBy(p => (p.dtype, p.device_type, p.device_index)))
        {
            // Buckets of (Offset in the storage, Count, members with offsets inside the bucket).
            var planned = new List<(long Start, long Count, Slot[] Members)>();
            var members = new List<Slot>();
            long start = 0, elements = 0, bytes = 0;
            foreach (var parameter in group)
            {
                members.Add(new Slot(parameter, elements, parameter.numel()));
                elements += parameter.numel();
                bytes += parameter.numel() * parameter.element_size();
                if (bytes >= bucketBytes) Close();
            }
            Close();

            void Close()
            {
                if (members.Count == 0) return;
                planned.Add((start, elements, [.. members]));
                start += elements;
                members = [];
                elements = bytes = 0;
            }

            // One allocation per group, owned by the reducer for its whole life (not by whatever dispose scope is open now).
            var first = group.First();
            var storage = zeros(start, first.dtype, first.device).DetachFromDisposeScope();
            _storages.Add(storage);
            foreach (var (offset, count, slots) in planned)
                _buckets.Add(new Bucket(storage.narrow(0, offset, count).DetachFromDisposeScope(), slots));
        }

        // Gradients that exist already move into their buckets now; the others when backward has made them.
        using var noGrad = no_grad();
        foreach (var bucket in _buckets) Attach(bucket, onlyExisting: true);
    }

    /// <summary>How many all-reduce calls one <see cref="AverageGradients"/> makes.</summary>
    public int BucketCount => _buckets.Count;

    /// <summary>
    /// The flat buffers the gradients live in, in the order they are reduced. A parameter's <c>.grad</c> is a
    /// view of a slice of one of them (from the first <see cref="AverageGradients"/> on, or from construction
    /// for a parameter that had a gradient then): writing into a bucket writes into those gradients.
    /// </summary>
    public IReadOnlyList<Tensor> Buckets => _buckets.Select(b => b.Flat).ToList();

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
        // The gradients are the buckets: one in-place sum per bucket, in the order backward made them, then one
        // in-place division over all the buckets at once (they are consecutive in one storage). Dividing between two
        // all-reduces would add a point where a rank that is slow to divide keeps the others waiting.
        foreach (var bucket in _buckets)
        {
            Attach(bucket, onlyExisting: false);
            Dist.AllReduce(bucket.Flat);
        }
        foreach (var storage in _storages) storage.div_(Dist.WorldSize);
    }

    /// <summary>
    /// Makes every member's gradient a view of its slot: a gradient that already is one costs a pointer
    /// comparison; another is copied into the slot first; a missing one becomes a zeroed slot (unless
    /// <paramref name="onlyExisting"/>).
    /// </summary>
    private static void Attach(Bucket bucket, bool onlyExisting)
    {
        foreach (var (parameter, offset, count) in bucket.Members)
        {
            using var grad = parameter.grad;
            if (grad is not null && IsViewOf(grad, bucket, offset)) continue;
            if (grad is null && onlyExisting) continue;
            using var slot = bucket.Flat.narrow(0, offset, count);
            if (grad is null) slot.zero_();
            else slot.copy_(grad.reshape(-1));
            using var view = slot.view(parameter.shape);
            parameter.grad = view;
        }
    }

    private static bool IsViewOf(Tensor grad, Bucket bucket, long offset) =>
        bucket.Address != 0
        && grad.device_type == DeviceType.CPU && grad.dtype == bucket.Flat.dtype && grad.numel() > 0 && grad.is_contiguous()
        && AddressOf(grad) == bucket.Address + (nint)(offset * bucket.Flat.element_size());

    private static nint AddressOf(Tensor tensor)
    {
        if (tensor.numel() == 0) return 0;
        fixed (byte* data = tensor.bytes) return (nint)data;
    }

    /// <summary>Frees the buckets (the gradients that are views of them keep their memory alive).</summary>
    public void Dispose()
    {
        foreach (var bucket in _buckets) bucket.Flat.Dispose();
        foreach (var storage in _storages) storage.Dispose();
        _buckets.Clear();
        _storages.Clear();
    }
}
