// Scenario: options record with `with` for eval; the train loader comes from the torch.utils.data.DataLoader factory with shuffle but no seed, eval with `shuffle: false` and a seed, test with `seed: null` (fine: not flagged by CMP003 — "No `seed`, or `seed: null`", "`shuffle: false`"; and TorchSharp's `DataLoader(shuffle: true)` is not epoch-dependent for CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind14.TorchFactoryNoSeed;

public sealed record LoaderOptions(int BatchSize, bool Shuffle, int? Seed);

public static class Experiment
{
    public static void Run(InMemoryDataset train, InMemoryDataset val, InMemoryDataset test, int epochs)
    {
        var trainOptions = new LoaderOptions(BatchSize: 64, Shuffle: true, Seed: 2024);
        var evalOptions = trainOptions with { BatchSize = 512, Shuffle = false };

        using var trainLoader = torch.utils.data.DataLoader(train, trainOptions.BatchSize, shuffle: true, disposeDataset: false);
        using var evalLoader = torch.utils.data.DataLoader(val, evalOptions.BatchSize, shuffle: false, seed: evalOptions.Seed, disposeDataset: false);
        using var testLoader = torch.utils.data.DataLoader(test, evalOptions.BatchSize, shuffle: true, seed: null, disposeDataset: false);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in trainLoader)
                _ = batch["data"].sum();
            foreach (var batch in evalLoader)
                _ = batch["label"].shape[0];
        }

        long n = 0;
        foreach (var batch in testLoader)
            n += batch["label"].shape[0];
        Console.WriteLine(n);
    }
}
