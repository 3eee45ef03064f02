// Scenario: A forecasting model uses EpochDataLoader<Window, WindowBatch> with a collate function: the train loader adds batchSize: 32 to its batch sampler, and a one-off probe loader passes shuffle true positionally with a SequentialSampler; both are rejected (bug: CMP006 on each creation).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Forecasting;

public sealed record Window(float[] History, float[] Horizon);

public sealed class WindowBatch(Tensor history, Tensor horizon)
{
    public Tensor History { get; } = history;
    public Tensor Horizon { get; } = horizon;
}

public sealed class WindowDataset(float[] series, int historyLength, int horizonLength) : torch.utils.data.Dataset<Window>
{
    public override long Count => series.Length - historyLength - horizonLength + 1;

    public override Window GetTensor(long index) => new(
        series.AsSpan((int)index, historyLength).ToArray(),
        series.AsSpan((int)index + historyLength, horizonLength).ToArray());
}

public static class LstmForecaster
{
    static WindowBatch Collate(IReadOnlyList<Window> windows, Device device) => new(
        stack(windows.Select(w => tensor(w.History)).ToArray()).unsqueeze(2).to(device),
        stack(windows.Select(w => tensor(w.Horizon)).ToArray()).to(device));

    public static void Train(float[] series, int epochs)
    {
        var dataset = new WindowDataset(series, historyLength: 48, horizonLength: 12);
        var batches = new BatchSampler(new RandomSampler(dataset.Count, seed: 5), 32);
        using var train = new EpochDataLoader<Window, WindowBatch>(dataset, Collate, batchSize: 32, batchSampler: batches); //! CMP006

        var lstm = nn.LSTM(1, 64, numLayers: 2, batchFirst: true);
        var head = nn.Linear(64, 12);
        var optimizer = optim.Adam(lstm.parameters().Concat(head.parameters()), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var (output, _, _) = lstm.forward(batch.History);
                var loss = nn.functional.mse_loss(head.forward(output[.., -1, ..]), batch.Horizon);
                loss.backward();
                optimizer.step();
            }
        }

        using var probe = new EpochDataLoader<Window, WindowBatch>(dataset, Collate, 1, true, new SequentialSampler(dataset.Count)); //! CMP006
        using (no_grad())
        {
            var first = probe.First();
            var (output, _, _) = lstm.forward(first.History);
            Console.WriteLine($"probe mse {nn.functional.mse_loss(head.forward(output[.., -1, ..]), first.Horizon).item<float>():F5}");
        }
    }
}
