// Scenario: a file that spells every runtime type as global::Composer.Data.… (no using for it), splits Main into #region blocks, and sets each loader's epoch correctly (one through `global::Composer.Data.Epochs.SetEpoch`, one via the loader itself, right after an #endregion): no finding.
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.GlobalQualifiedNamesInRegions;

public static class Program
{
    public static void Main()
    {
        #region Data
        var data = new global::Composer.Data.InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(600, 8), ["label"] = randint(0, 4, 600) });
        var labels = Enumerable.Range(0, 600).Select(i => (long)(i % 4)).ToList();
        global::Composer.Data.EpochDataLoader train = new(data, 50, true, seed: 13);
        using var pk = new global::Composer.Data.EpochDataLoader(data,
            batchSampler: new global::Composer.Data.ClassBalancedBatchSampler(labels, classesPerBatch: 4, samplesPerClass: 8, seed: 13));
        #endregion

        #region Model
        var model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 4));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        #endregion

        for (int epoch = 0; epoch < 6; epoch++)
        {
            #region Reshuffle
            global::Composer.Data.Epochs.SetEpoch(train, epoch);
            #endregion
            pk.SetEpoch(epoch);
            #region Passes
            foreach (var batch in train) Step(batch);
            foreach (var batch in pk) Step(batch);
            #endregion
        }
        train.Dispose();

        void Step(Dictionary<string, Tensor> batch)
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
}
