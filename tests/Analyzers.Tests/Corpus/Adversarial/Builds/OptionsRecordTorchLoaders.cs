// Scenario: loader settings in a record; eval settings derived with `with { Shuffle = false }`, but both TorchSharp loaders pass `shuffle: o.Shuffle, seed: o.Seed`. Train (fixed seed 42) is wrong; the eval loader is flagged too, because CMP003 condition 1 counts `shuffle` that is "`true`, or any expression (`shuffle: isTrain`)".
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind14.OptionsRecordTorchLoaders;

public sealed record LoaderOptions(int BatchSize = 64, bool Shuffle = true, int? Seed = 42);

public static class TrainingProgram
{
    public static void Run(int epochs)
    {
        var trainOptions = new LoaderOptions();
        var evalOptions = trainOptions with { BatchSize = 256, Shuffle = false };

        using var data = MakeData(2048);
        using var val = MakeData(512);

        using var trainLoader = new TorchSharp.Modules.DataLoader(data, trainOptions.BatchSize, shuffle: trainOptions.Shuffle, seed: trainOptions.Seed, disposeDataset: false); //! CMP003
        using var evalLoader = new TorchSharp.Modules.DataLoader(val, evalOptions.BatchSize, shuffle: evalOptions.Shuffle, seed: evalOptions.Seed, disposeDataset: false); //! CMP003

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double loss = 0;
            foreach (var batch in trainLoader)
                loss += batch["data"].sum().item<float>();
            long seen = 0;
            foreach (var batch in evalLoader)
                seen += batch["label"].shape[0];
            Console.WriteLine($"epoch {epoch}: loss {loss:F3}, evaluated {seen}");
        }
    }

    private static InMemoryDataset MakeData(long n) => new(new Dictionary<string, Tensor>
    {
        ["data"] = torch.randn(n, 16),
        ["label"] = torch.randint(0, 10, new long[] { n }),
    });
}
