// Scenario: a Lightning-style fit loop drives the loader's enumerator by hand and sets the epoch in its "on first batch" branch inside the MoveNext loop, after the order was already fixed (bug).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PortedLightning.FitLoop;

public sealed class ManualFitLoop
{
    private readonly Sequential _model = nn.Sequential(("fc1", nn.Linear(10, 32)), ("relu", nn.ReLU()), ("fc2", nn.Linear(32, 1)));

    public event Action<int, double>? TrainBatchEnd;

    public void Run(InMemoryDataset data, int maxEpochs, int limitTrainBatches)
    {
        using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 99);
        var optimizer = optim.RMSProp(_model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            using var it = train.GetEnumerator();
            int batchIdx = 0;
            while (batchIdx < limitTrainBatches && it.MoveNext())
            {
                if (batchIdx == 0)
                    train.SetEpoch(epoch); //! CMP005

                var batch = it.Current;
                optimizer.zero_grad();
                using var loss = nn.functional.mse_loss(_model.call(batch["data"]), batch["target"]);
                loss.backward();
                optimizer.step();
                TrainBatchEnd?.Invoke(batchIdx, loss.item<float>());
                batchIdx++;
            }
        }
    }
}
