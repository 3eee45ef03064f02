using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Data;

/// <summary>
/// A data set held as whole tensors whose first dimension indexes samples, one per named column
/// (<c>"data"</c>, <c>"label"</c>, …). It is a <c>torch.utils.data.Dataset</c>, so TorchSharp's own
/// <c>DataLoader</c> accepts it too; <see cref="EpochDataLoader"/> gathers whole batches from it with one
/// <c>index_select</c> per column instead of stacking samples one by one.
/// </summary>
/// <remarks>The data set owns its column tensors and disposes them with itself.</remarks>
public class InMemoryDataset : torch.utils.data.Dataset
{
    private readonly Dictionary<string, Tensor> _columns;

    /// <summary>Creates a data set over named columns that all have the same first dimension.</summary>
    /// <param name="columns">The columns; at least one, each with at least one dimension.</param>
    public InMemoryDataset(IReadOnlyDictionary<string, Tensor> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0) throw new ArgumentException("columns must hold at least one tensor.", nameof(columns));
        long? count = null;
        foreach (var (name, column) in columns)
        {
            if (column is null) throw new ArgumentNullException(nameof(columns), $"Column '{name}' is null.");
            if (column.dim() == 0) throw new ArgumentException($"Column '{name}' is a scalar; its first dimension must index samples.", nameof(columns));
            count ??= column.shape[0];
            if (column.shape[0] != count)
                throw new ArgumentException($"Column '{name}' has {column.shape[0]} samples but the first column has {count}; all columns must have the same first dimension.", nameof(columns));
        }
        _columns = new Dictionary<string, Tensor>(columns);
        Count = count!.Value;
    }

    /// <summary>The number of samples.</summary>
    public override long Count { get; }

    /// <summary>The columns by name.</summary>
    public IReadOnlyDictionary<string, Tensor> Columns => _columns;

    /// <summary>One sample: a view of each column's row <paramref name="index"/>.</summary>
    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        CheckIndex(index, nameof(index), "was");
        return _columns.ToDictionary(c => c.Key, c => c.Value[index]);
    }

    private void CheckIndex(long index, string name, string verb)
    {
        if (index < 0 || index >= Count)
            throw new ArgumentOutOfRangeException(name, index, $"{name} must be in [0, {Count - 1}], but {verb} {index}.");
    }

    /// <summary>The samples at <paramref name="indices"/>, gathered with one <c>index_select</c> per column.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside <c>[0, Count)</c>.</exception>
    public Dictionary<string, Tensor> GetBatch(long[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        foreach (long i in indices) CheckIndex(i, nameof(indices), "held");
        using var index = tensor(indices, ScalarType.Int64);
        return Gather(index);
    }

    /// <summary>The samples at the positions in an integer <paramref name="indices"/> tensor, one <c>index_select</c> per column.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside <c>[0, Count)</c>.</exception>
    public Dictionary<string, Tensor> GetBatch(Tensor indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.numel() > 0)
        {
            using var min = indices.min();
            using var max = indices.max();
            CheckIndex(min.ToInt64(), nameof(indices), "held");
            CheckIndex(max.ToInt64(), nameof(indices), "held");
        }
        return Gather(indices);
    }

    /// <summary><see cref="GetBatch(Tensor)"/> for indices already checked, as a loader's are.</summary>
    internal Dictionary<string, Tensor> Gather(Tensor indices)
    {
        var batch = new Dictionary<string, Tensor>(_columns.Count);
        foreach (var (name, column) in _columns) batch[name] = column.index_select(0, indices);
        return batch;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
            foreach (var column in _columns.Values) column.Dispose();
        base.Dispose(disposing);
    }
}
