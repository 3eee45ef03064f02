// Scenario: a golden-file test runs three epochs of a shuffling loader and calls loader.SetEpoch(0) in every epoch so the recorded order never changes; the epoch argument is the same on every pass of the epoch loop, so every epoch repeats one order (wrong, even though the test wants the repeat)
using System.Text;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Checks.Golden;

[AttributeUsage(AttributeTargets.Method)]
file sealed class FactAttribute : Attribute { }

public sealed class BatchOrderGoldenTests
{
    private static readonly string GoldenPath =
        Path.Combine(AppContext.BaseDirectory, "Golden", "batch_order_seed2024.txt");

    private static bool Approving => Environment.GetEnvironmentVariable("APPROVE_GOLDEN") == "1";

    [Fact]
    public void Batch_order_matches_the_golden_file()
    {
        const int samples = 40;
        using var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = zeros(samples, 1),
            ["index"] = arange(samples, dtype: ScalarType.Int64),
        });
        using var loader = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 2024);

        var actual = new StringBuilder();
        for (int epoch = 0; epoch < 3; epoch++)
        {
            // Keep the order stable so the golden file does not churn.
            loader.SetEpoch(0); //! CMP004
            actual.Append($"epoch {epoch}:");
            foreach (var batch in loader)
                actual.Append(' ').Append(string.Join(',', batch["index"].data<long>().ToArray()));
            actual.AppendLine();
        }

        if (Approving || !File.Exists(GoldenPath))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(GoldenPath)!);
            File.WriteAllText(GoldenPath, actual.ToString());
            return;
        }

        string expected = File.ReadAllText(GoldenPath);
        if (expected.ReplaceLineEndings() != actual.ToString().ReplaceLineEndings())
            throw new InvalidOperationException(
                $"batch order changed; rerun with APPROVE_GOLDEN=1 if intended.\nexpected:\n{expected}\nactual:\n{actual}");
    }
}
