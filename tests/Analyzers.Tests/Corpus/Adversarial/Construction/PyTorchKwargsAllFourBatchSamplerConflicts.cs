// Scenario: Code ported from a PyTorch DataLoader(**kwargs) call passes batchSize: 128, shuffle: true, a sampler and dropLast: true together with a batch sampler; each is rejected by the runtime (bug: CMP006 four times), the epoch is set with Epochs.SetEpoch.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Ported;

public static class KwargsPort
{
    public static void Train(InMemoryDataset data, int epochs, int seed)
    {
        var sampler = new RandomSampler(data.Count, seed: seed);
        var batches = new BatchSampler(sampler, 128, dropLast: true);
        // loader = DataLoader(ds, batch_size=128, shuffle=True, sampler=sampler, batch_sampler=batches, drop_last=True)
        using var loader = new EpochDataLoader(data, batchSize: 128, shuffle: true, sampler: sampler, batchSampler: batches, dropLast: true, seed: seed); //! CMP006 CMP006 CMP006 CMP006

        var model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(784, 64)),
            ("act", nn.Hardswish()),
            ("fc2", nn.Linear(64, 10)));
        var optimizer = optim.Adagrad(model.parameters(), lr: 1e-2);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(loader, epoch);
            model.train();
            float lastLoss = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                lastLoss = loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: {lastLoss:F4}");
        }
    }
}
