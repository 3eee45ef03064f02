// Scenario: a forecasting loader of the user's (enumerable, with a Sampler member, so a loader by the rules) whose Sampler is a SequentialSampler: its order never depends on the epoch, so iterating it every epoch without SetEpoch is correct.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wrappers.SlidingWindow;

public sealed class SlidingWindowDataLoader : IEnumerable<(Tensor Past, Tensor Future)>
{
    private readonly Tensor _series;
    private readonly int _window;
    private readonly int _horizon;
    private readonly int _stride;

    public SlidingWindowDataLoader(Tensor series, int window, int horizon, int stride = 1)
    {
        _series = series;
        _window = window;
        _horizon = horizon;
        _stride = stride;
        Sampler = new SequentialSampler((series.shape[0] - window - horizon) / stride + 1);
    }

    public SequentialSampler Sampler { get; }

    public IEnumerator<(Tensor Past, Tensor Future)> GetEnumerator()
    {
        foreach (var i in Sampler)
        {
            long start = i * _stride;
            yield return (_series[TensorIndex.Slice(start, start + _window)],
                          _series[TensorIndex.Slice(start + _window, start + _window + _horizon)]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Forecasting
{
    public static void Train(Tensor load, nn.Module<Tensor, Tensor> model, int epochs)
    {
        var windows = new SlidingWindowDataLoader(load, window: 168, horizon: 24, stride: 24);
        var optimizer = optim.Adam(model.parameters(), 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double total = 0;
            foreach (var (past, future) in windows.Select(w => (w.Past.unsqueeze(0), w.Future.unsqueeze(0))))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.call(past), future);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: {total:F3}");
        }
    }
}
