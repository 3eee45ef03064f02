using System.Diagnostics;
using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class AtomicCheckpointTests
{
    [Fact]
    public void ACheckpointSurvivesItsWriterBeingKilledMidWrite()
    {
        string path = Path.Combine(TrainingFixtures.TempFolder(), "latest.ckpt");
        // Kill at different points of the write cycle (serialise, write, flush, rename).
        foreach (int delayMs in new[] { 0, 7, 23 })
        {
            long lastReported = KillWriterAfter(path, savesFirst: 2, delayMs);
            using var model = WriterModel();
            using var optimizer = optim.SGD(model.parameters(), 0.1);
            using var trainer = new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(4, 4), Device = "cpu", LoadPath = path });

            // A whole checkpoint: every weight holds the same write's number, at least the last one reported.
            var values = model.parameters().SelectMany(p => new[] { p.min().item<float>(), p.max().item<float>() }).Distinct().ToList();
            Assert.Single(values);
            Assert.True(values[0] >= lastReported, $"weights {values[0]} older than the reported save {lastReported}");
        }
    }

    private static long KillWriterAfter(string path, int savesFirst, int delayMs)
    {
        var start = new ProcessStartInfo("dotnet", [WriterPath(), path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var writer = Process.Start(start)!;
        long last = 0;
        try
        {
            while (last < savesFirst)
            {
                string? line = writer.StandardOutput.ReadLine();
                if (line is null)
                {
                    Assert.Fail("the writer exited: " + writer.StandardError.ReadToEnd());
                }

                last = long.Parse(line.Split(' ')[1]);
            }

            Thread.Sleep(delayMs);
        }
        finally
        {
            writer.Kill(entireProcessTree: true);
            writer.WaitForExit();
            Assert.Equal(0, writer.StandardError.ReadToEnd().Length);
        }

        return last;
    }

    private static ComposerClassifier WriterModel() =>
        new(nn.Sequential(("flatten", nn.Flatten()), ("big", nn.Linear(784, 8000)), ("out", nn.Linear(8000, 10))));

    /// <summary>The CheckpointWriter child program, built with the tests in the same configuration.</summary>
    private static string WriterPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = output.Name, configuration = output.Parent!.Name;
        string project = output.Parent.Parent!.Parent!.FullName;
        string dll = Path.Combine(project, "Training", "CheckpointWriter", "bin", configuration, framework, "CheckpointWriter.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build tests/Runtime.Tests");
        return dll;
    }
}
