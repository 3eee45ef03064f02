// Scenario: 5-fold cross-validation with each fold's model on its own GPU (round-robin, CPU fallback); inside the epoch loop the fold's sampler is told the fold number instead of the epoch — the same value on every epoch, wrong (CMP004).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Churn;

public static class CrossValidation
{
    const int Folds = 5;
    const int Epochs = 12;

    static Device DeviceForFold(int fold) =>
        cuda.is_available() ? new Device(DeviceType.CUDA, fold % cuda.device_count()) : CPU;

    public static double[] Run(Tensor features, Tensor churned)
    {
        long n = features.shape[0];
        var scores = new double[Folds];
        for (int fold = 0; fold < Folds; fold++)
        {
            var device = DeviceForFold(fold);
            var isVal = arange(n) % Folds == fold;
            var trainRows = nonzero(isVal.logical_not()).squeeze(1);
            var valRows = nonzero(isVal).squeeze(1);

            var trainSet = new InMemoryDataset(new Dictionary<string, Tensor>
            {
                ["x"] = features.index_select(0, trainRows), ["y"] = churned.index_select(0, trainRows),
            });
            var valSet = new InMemoryDataset(new Dictionary<string, Tensor>
            {
                ["x"] = features.index_select(0, valRows), ["y"] = churned.index_select(0, valRows),
            });

            var order = new RandomSampler(trainSet.Count, seed: 100 + fold);
            using var train = new EpochDataLoader(trainSet, batchSize: 256, sampler: order, device: device);
            using var val = new EpochDataLoader(valSet, batchSize: 1024, device: device);

            var model = nn.Sequential(nn.Linear(features.shape[1], 64), nn.ReLU(), nn.Linear(64, 1));
            model.to(device);
            var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

            for (int epoch = 0; epoch < Epochs; epoch++)
            {
                order.SetEpoch(fold); //! CMP004
                foreach (var batch in train)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var logits = model.call(batch["x"]).squeeze(-1);
                    var loss = nn.functional.binary_cross_entropy_with_logits(logits, batch["y"]);
                    loss.backward();
                    optimizer.step();
                }
            }

            double correct = 0;
            using (no_grad())
            {
                foreach (var batch in val)
                {
                    using var scope = NewDisposeScope();
                    var predicted = model.call(batch["x"]).squeeze(-1).gt(0).to(ScalarType.Float32);
                    correct += predicted.eq(batch["y"]).sum().item<long>();
                }
            }
            scores[fold] = correct / valSet.Count;
            Console.WriteLine($"fold {fold} on {device}: accuracy {scores[fold]:P2}");
            trainSet.Dispose();
            valSet.Dispose();
        }
        return scores;
    }
}
