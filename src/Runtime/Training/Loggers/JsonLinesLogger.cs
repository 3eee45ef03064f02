using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Composer.Training;

/// <summary>
/// Appends one JSON object per logged set of metrics to a file, with the timestamp:
/// <c>{"epoch":1,"batch":469,"sample":60000,"loss/train":0.31}</c>. Appending keeps a resumed run's
/// lines after the interrupted run's. The trainer closes the file when it is disposed (<see cref="Close"/>); a logger used
/// without a trainer is disposed by its owner.
/// </summary>
public sealed class JsonLinesLogger : LoggerDestination, IDisposable
{
    private StreamWriter? _writer;

    /// <summary>Logs to <paramref name="path"/>; its folder is created when training starts.</summary>
    /// <param name="path">The file, such as <c>"runs/metrics.jsonl"</c>.</param>
    public JsonLinesLogger(string path)
    {
        Path = System.IO.Path.GetFullPath(Check.NotEmpty(path));
    }

    /// <summary>The file written.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override void FitEnd(State state, Logger logger) => _writer?.Flush();

    /// <summary>Flushes and closes the file; logging again reopens it (appending).</summary>
    /// <param name="state">The trainer's state.</param>
    /// <param name="logger">Unused.</param>
    public override void Close(State state, Logger logger) => Dispose();

    /// <inheritdoc />
    public override void LogMetrics(IReadOnlyDictionary<string, double> metrics, State state)
    {
        _writer ??= Open();
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("epoch", state.Timestamp.Epoch);
            json.WriteNumber("batch", state.Timestamp.Batch);
            json.WriteNumber("sample", state.Timestamp.Sample);
            foreach (var (name, value) in metrics)
            {
                if (double.IsFinite(value))
                {
                    json.WriteNumber(name, value);
                }
                else
                {
                    json.WriteString(name, value.ToString(CultureInfo.InvariantCulture)); // JSON has no NaN
                }
            }

            json.WriteEndObject();
        }

        _writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>Flushes and closes the file; logging again reopens it (appending).</summary>
    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;
    }

    private StreamWriter Open()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        return new StreamWriter(new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
    }
}
