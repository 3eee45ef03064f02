// Scenario: loader built with sampler: new DistributedSampler(...) (no batch sampler), epoch set through ((DistributedSampler)train.Sampler) on every rank — the loader batches that very sampler, right
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Nlp;

public static class IntentClassifierTraining
{
    public static void Run(InMemoryDataset utterances, int vocab, int epochs, int rank, int worldSize)
    {
        var isMain = rank == 0;
        using var train = new EpochDataLoader(utterances, batchSize: 48,
            sampler: new DistributedSampler(utterances.Count, numReplicas: worldSize, rank: rank, seed: 404));

        var model = nn.Sequential(
            ("bag", nn.Linear(vocab, 256)),
            ("relu", nn.ReLU()),
            ("drop", nn.Dropout(0.2)),
            ("intent", nn.Linear(256, 24)));
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var opt = optim.Adam(model.parameters(), lr: 2e-3);
        var ce = nn.CrossEntropyLoss();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            ((DistributedSampler)train.Sampler).SetEpoch(epoch);

            double total = 0;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                var loss = ce.forward(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                reducer.AverageGradients();
                opt.step();
                total += loss.item<float>();
            }

            if (isMain) Console.WriteLine($"[{epoch + 1}/{epochs}] loss {total / train.Count:F4}");
        }
    }
}
