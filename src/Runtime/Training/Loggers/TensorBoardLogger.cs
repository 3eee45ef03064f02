using TorchSharp.Modules;
using static TorchSharp.torch.utils.tensorboard;

namespace Composer.Training;

/// <summary>
/// Writes every metric as a TensorBoard scalar (through TorchSharp's <c>SummaryWriter</c>) at the
/// global batch count; view with <c>tensorboard --logdir &lt;folder&gt;</c>.
/// </summary>
public sealed class TensorBoardLogger : LoggerDestination
{
    private SummaryWriter? _writer;

    /// <summary>Logs under <paramref name="logDir"/>.</summary>
    /// <param name="logDir">The folder for the event files.</param>
    public TensorBoardLogger(string logDir)
    {
        LogDir = Path.GetFullPath(Check.NotEmpty(logDir));
    }

    /// <summary>The folder written.</summary>
    public string LogDir { get; }

    /// <inheritdoc />
    public override void LogMetrics(IReadOnlyDictionary<string, double> metrics, State state)
    {
        _writer ??= SummaryWriter(LogDir, createRunName: false);
        int step = (int)Math.Min(int.MaxValue, state.Timestamp.Batch);
        foreach (var (name, value) in metrics)
        {
            _writer.add_scalar(name, (float)value, step);
        }
    }
}
