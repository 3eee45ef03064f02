// Scenario: multi-task training in while (!done) with a pass counter; two loaders get their epoch through a SetAll helper over an array and the third through a BeginEpoch helper, both static methods in the same file — right (every loader handled).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.MultiTaskHelpersInViewSetEveryLoaderNegative;

public static class Program
{
    static void SetAll(IEnumerable<EpochDataLoader> loaders, int epoch)
    {
        foreach (var loader in loaders)
            loader.SetEpoch(epoch);
    }

    static void BeginEpoch(EpochDataLoader loader, int epoch)
    {
        // reshuffle every part of the loader
        Epochs.SetEpoch(loader, epoch);
        Console.WriteLine($"epoch {epoch}: {loader.Count} batches");
    }

    static InMemoryDataset Task(int n, int classes) =>
        new(new Dictionary<string, Tensor> { ["data"] = randn(n, 32), ["label"] = randint(0, classes, new long[] { n }) });

    public static void Main()
    {
        using var sentimentSet = Task(6_000, 3);
        using var topicSet = Task(9_000, 12);
        using var intentSet = Task(4_000, 20);

        using var sentiment = new EpochDataLoader(sentimentSet, batchSize: 32, shuffle: true, seed: 1);
        using var topic = new EpochDataLoader(topicSet, batchSize: 32, sampler: new DistributedSampler(topicSet.Count, numReplicas: 1, rank: 0, seed: 2));
        using var intent = new EpochDataLoader(intentSet, batchSampler: new BatchSampler(new RandomSampler(intentSet.Count, seed: 3), 16, dropLast: true));

        var encoder = nn.Sequential(("enc", nn.Linear(32, 64)), ("act", nn.GELU()));
        var heads = new Dictionary<string, nn.Module<Tensor, Tensor>> { ["sentiment"] = nn.Linear(64, 3), ["topic"] = nn.Linear(64, 12), ["intent"] = nn.Linear(64, 20) };
        var optimizer = optim.Adam(encoder.parameters().Concat(heads.Values.SelectMany(h => h.parameters())), lr: 5e-4);

        void Step(string task, Dictionary<string, Tensor> batch)
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(heads[task].forward(encoder.forward(batch["data"])), batch["label"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }

        int pass = 0;
        bool done = false;
        while (!done)
        {
            SetAll(new[] { sentiment, topic }, pass);
            BeginEpoch(intent, pass);

            foreach (var batch in sentiment) Step("sentiment", batch);
            foreach (var batch in topic) Step("topic", batch);
            foreach (var batch in intent) Step("intent", batch);

            pass++;
            done = pass >= 15 || File.Exists("STOP");
        }
    }
}
