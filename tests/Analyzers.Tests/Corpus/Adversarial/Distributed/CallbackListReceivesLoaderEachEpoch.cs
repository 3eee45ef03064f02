// Scenario: a shuffled PK loader built in view is handed every epoch to each registered IEpochCallback (interface only; implementations live elsewhere and may set its epoch), so the pass is treated as handled: no diagnostics.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Plugins;

public interface IEpochCallback
{
    void OnEpochStart(EpochDataLoader loader, int epoch);
    void OnEpochEnd(int epoch, double loss);
}

public sealed class PluginTrainer(IReadOnlyList<IEpochCallback> callbacks)
{
    public void Train(FashionMnist data, int epochs)
    {
        var labels = data.Columns["label"].data<long>().ToArray();
        var loader = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, 5, 12, seed: 77,
            numReplicas: Dist.WorldSize, rank: Dist.Rank));
        var model = nn.Sequential(("flat", nn.Flatten()), ("fc1", nn.Linear(784, 256)), ("act", nn.Mish()), ("fc2", nn.Linear(256, 10)));
        var opt = optim.NAdam(model.parameters(), lr: 2e-3);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var callback in callbacks)
                callback.OnEpochStart(loader, epoch);

            double sum = 0;
            int count = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                reducer.AverageGradients();
                opt.step();
                sum += loss.item<float>();
                count++;
            }

            foreach (var callback in callbacks)
                callback.OnEpochEnd(epoch, sum / Math.Max(1, count));
        }
    }
}
