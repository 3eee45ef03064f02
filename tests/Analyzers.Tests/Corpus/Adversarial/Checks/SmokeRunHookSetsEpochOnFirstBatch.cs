// Scenario: a two-epoch smoke run reshuffles from an OnBatchStart local function that calls train.SetEpoch(epoch) at batch 0, inside the foreach over train, so each epoch gets its epoch one enumeration late (wrong)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Checks.Smoke;

[AttributeUsage(AttributeTargets.Method)]
file sealed class FactAttribute : Attribute { }

public sealed class TwoEpochSmokeRun
{
    [Fact]
    public void Two_epochs_run_and_every_sample_is_seen_once_per_epoch()
    {
        const int samples = 300;
        manual_seed(1);
        using var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(samples, 10),
            ["label"] = randint(0, 3, new long[] { samples }, dtype: ScalarType.Int64),
            ["index"] = arange(samples, dtype: ScalarType.Int64),
        });
        using var train = new EpochDataLoader(data, batchSize: 25, shuffle: true, seed: 99);

        var model = nn.Sequential(("hidden", nn.Linear(10, 32)), ("act", nn.GELU()), ("out", nn.Linear(32, 3)));
        var optimizer = optim.AdamW(model.parameters(), lr: 3e-3);
        using var criterion = nn.CrossEntropyLoss();

        for (int epoch = 0; epoch < 2; epoch++)
        {
            void OnBatchStart(int step)
            {
                if (step == 0) train.SetEpoch(epoch); //! CMP005
            }

            var seen = new HashSet<long>();
            int batchIndex = 0;
            foreach (var batch in train)
            {
                OnBatchStart(batchIndex);
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                foreach (long i in batch["index"].data<long>().ToArray()) seen.Add(i);
                batchIndex++;
            }

            if (seen.Count != samples)
                throw new InvalidOperationException($"epoch {epoch}: saw {seen.Count} of {samples} samples");
        }
    }
}
