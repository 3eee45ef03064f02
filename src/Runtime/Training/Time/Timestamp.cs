namespace Composer.Training;

/// <summary>Where training is: how much has been done, counted in every unit at once.</summary>
/// <param name="Epoch">Epochs completed.</param>
/// <param name="Batch">Batches (optimizer steps) completed since the start of training.</param>
/// <param name="BatchInEpoch">Batches completed in the current epoch.</param>
/// <param name="Sample">Training samples seen since the start of training.</param>
public readonly record struct Timestamp(int Epoch, long Batch, long BatchInEpoch, long Sample)
{
    /// <summary>The count in <paramref name="unit"/>; not defined for <see cref="TimeUnit.Duration"/>.</summary>
    /// <param name="unit">Epoch, Batch or Sample.</param>
    public double Get(TimeUnit unit) => unit switch
    {
        TimeUnit.Epoch => Epoch,
        TimeUnit.Batch => Batch,
        TimeUnit.Sample => Sample,
        _ => throw new ArgumentException($"A timestamp counts epochs, batches and samples, not '{unit}'.", nameof(unit)),
    };

    /// <summary>The timestamp after one more batch of <paramref name="samples"/> samples.</summary>
    /// <param name="samples">The samples in the batch.</param>
    public Timestamp AfterBatch(long samples) => this with { Batch = Batch + 1, BatchInEpoch = BatchInEpoch + 1, Sample = Sample + samples };

    /// <summary>The timestamp at the start of the next epoch.</summary>
    public Timestamp AfterEpoch() => this with { Epoch = Epoch + 1, BatchInEpoch = 0 };

    /// <inheritdoc />
    public override string ToString() => $"epoch {Epoch}, batch {Batch} ({BatchInEpoch} in epoch), {Sample} samples";
}
