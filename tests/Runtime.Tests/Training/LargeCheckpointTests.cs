using System.Diagnostics;
using Composer.Training;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

/// <summary>A checkpoint of more than 2 GB, with one tensor of more than 2 GB, saved and loaded in bounded memory.</summary>
[Collection(TrainingCollection.Name)]
public class LargeCheckpointTests(ITestOutputHelper output)
{
    private const long BigElements = 550_000_000; // 2.2 GB of float32: more than a Span (and a byte[]) can hold
    private const long LargestTensorBytes = BigElements * sizeof(float);

    [Fact]
    public void AModelOfMoreThan2GBSavesAndLoadsWithoutACopyOfItsLargestTensor()
    {
        string folder = TrainingFixtures.TempFolder();
        string path = Path.Combine(folder, "big.ckpt");
        try
        {
            using var model = new BigModel();
            using var optimizer = optim.SGD(model.parameters(), 0.1);
            var expected = Fingerprint(model);

            var (saveSeconds, savePeak) = Measure(() =>
            {
                using var trainer = NewTrainer(model, optimizer, loadPath: null);
                trainer.SaveCheckpoint(path);
            });
            Assert.True(new FileInfo(path).Length > LargestTensorBytes);

            using (no_grad())
            {
                foreach (var parameter in model.parameters())
                {
                    parameter.fill_(-1); // in place: the memory stays committed, so loading into it adds none
                }
            }

            var (loadSeconds, loadPeak) = Measure(() => NewTrainer(model, optimizer, loadPath: path).Dispose());
            output.WriteLine($"{new FileInfo(path).Length / 1e9:F2} GB: save {saveSeconds:F1} s, +{savePeak / 1e6:F0} MB peak; load {loadSeconds:F1} s, +{loadPeak / 1e6:F0} MB peak");

            Assert.Equal(expected, Fingerprint(model));
            // Tensors stream from their memory to the file and back through buffers of 1 MB: a copy of the largest
            // tensor (let alone of the model, as when the payload was built in memory) would add 2.2 GB.
            Assert.True(savePeak < LargestTensorBytes / 8, $"saving raised the peak by {savePeak} bytes");
            Assert.True(loadPeak < LargestTensorBytes / 8, $"loading raised the peak by {loadPeak} bytes");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// How long <paramref name="action"/> takes, and how far it raises the process's resident memory above where it started
    /// (the kernel's counters are approximate: a few pages either way, so it can be slightly negative).
    /// </summary>
    private static (double Seconds, long PeakBytes) Measure(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        File.WriteAllText("/proc/self/clear_refs", "5"); // the peak (VmHWM) starts again from the current resident size
        long before = Status("VmRSS");
        var clock = Stopwatch.StartNew();
        action();
        return (clock.Elapsed.TotalSeconds, Status("VmHWM") - before);
    }

    private static long Status(string field) =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;

    /// <summary>Sums and the values around each 1 GiB piece's edge: what a misplaced or missing piece would change.</summary>
    private static string Fingerprint(BigModel model)
    {
        using var scope = NewDisposeScope();
        var big = model.Big;
        long piece = (1L << 30) / sizeof(float);
        var edges = new[] { 0, piece - 1, piece, 2 * piece - 1, 2 * piece, BigElements - 1 }.Select(i => big[i].item<float>());
        return $"{big.sum(ScalarType.Float64).item<double>()} {model.Small.sum(ScalarType.Float64).item<double>()} {string.Join(",", edges)}";
    }

    private static Trainer NewTrainer(ComposerModel model, optim.Optimizer optimizer, string? loadPath) => new(new()
    {
        Model = model,
        Optimizer = optimizer,
        TrainLoader = [new Dictionary<string, Tensor>()], // never iterated: nothing is trained
        Device = "cpu",
        LoadPath = loadPath,
    });

    private sealed class BigModel : ComposerModel
    {
        public BigModel() : base(nameof(BigModel))
        {
            Big = new Parameter(arange(BigElements, dtype: ScalarType.Float32));
            Small = new Parameter(linspace(-1, 1, 1000));
            register_parameter("big", Big);
            register_parameter("small", Small);
        }

        public Parameter Big { get; }

        public Parameter Small { get; }

        public override Tensor Forward(Dictionary<string, Tensor> batch) => throw new NotSupportedException();

        public override Tensor Loss(Tensor outputs, Dictionary<string, Tensor> batch) => throw new NotSupportedException();
    }
}
