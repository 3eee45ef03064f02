using System.Reflection;

namespace Composer.Training;

/// <summary>
/// Runs an event (Composer's <c>Engine.run_event</c>): the algorithms that name it and match, then the callbacks that
/// override its method (or <see cref="Callback.Run"/>), then, on the logging rank, the loggers that do. The lists per
/// event are made once, so an event nobody acts on costs an array lookup.
/// </summary>
internal sealed class EventDispatch
{
    private static readonly int EventCount = Enum.GetValues<Event>().Length;
    private readonly Algorithm[][] _algorithms;
    private readonly Callback[][] _callbacks;
    private readonly LoggerDestination[][] _loggers;

    public EventDispatch(IReadOnlyList<Algorithm> algorithms, IReadOnlyList<Callback> callbacks, IReadOnlyList<LoggerDestination> loggers)
    {
        _algorithms = new Algorithm[EventCount][];
        _callbacks = new Callback[EventCount][];
        _loggers = new LoggerDestination[EventCount][];
        for (int i = 0; i < EventCount; i++)
        {
            var e = (Event)i;
            _algorithms[i] = algorithms.Where(a => a.Events.Contains(e)).ToArray();
            _callbacks[i] = callbacks.Where(c => ActsOn(c, e)).ToArray();
            _loggers[i] = loggers.Where(l => ActsOn(l, e)).ToArray();
        }
    }

    /// <summary>Whether any algorithm, callback or logger acts on <paramref name="e"/>.</summary>
    public bool Any(Event e) => _algorithms[(int)e].Length + _callbacks[(int)e].Length + _loggers[(int)e].Length > 0;

    public void Fire(Event e, State state)
    {
        foreach (var algorithm in _algorithms[(int)e])
        {
            if (algorithm.Match(e, state))
            {
                algorithm.Apply(e, state, state.Logger);
            }
        }

        foreach (var callback in _callbacks[(int)e])
        {
            callback.Run(e, state);
        }

        var loggers = _loggers[(int)e];
        if (loggers.Length > 0 && State.IsLoggingRank)
        {
            foreach (var logger in loggers)
            {
                logger.Run(e, state);
            }
        }
    }

    /// <summary>Whether <paramref name="callback"/> overrides <see cref="Callback.Run"/> or the method of <paramref name="e"/>.</summary>
    private static bool ActsOn(Callback callback, Event e)
    {
        var type = callback.GetType();
        return Overrides(type, nameof(Callback.Run), typeof(Event), typeof(State))
            || Overrides(type, e.ToString(), typeof(State), typeof(Logger));
    }

    private static bool Overrides(Type type, string name, params Type[] parameters) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters) is { } method
        && method.GetBaseDefinition().DeclaringType == typeof(Callback)
        && method.DeclaringType != typeof(Callback);
}
