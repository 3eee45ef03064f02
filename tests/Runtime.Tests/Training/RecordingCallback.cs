using Composer.Training;

namespace Composer.Runtime.Tests.Training;

/// <summary>Runs a test's action at every event.</summary>
internal sealed class RecordingCallback(Action<Event, State> action) : Callback
{
    public override void Run(Event e, State state) => action(e, state);
}
