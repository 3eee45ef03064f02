using Composer.Training;

namespace Composer.Runtime.Tests.Training;

/// <summary>Runs a test's action at every event.</summary>
internal sealed class RecordingCallback(Action<Event, State> action) : Callback
{
    public override void Run(Event e, State state) => action(e, state);

    /// <summary>Adds each batch's labels, comma-separated, to <paramref name="batches"/> as the batch starts.</summary>
    public static RecordingCallback BatchLabels(List<string> batches) => new((e, s) =>
    {
        if (e == Event.BatchStart)
        {
            batches.Add(string.Join(",", s.Batch!["label"].data<long>().ToArray()));
        }
    });
}
