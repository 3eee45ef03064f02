using System.Runtime.InteropServices;
using Composer.Training;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

/// <summary>
/// A checkpoint changed in any one byte and sealed again with a matching checksum (what a buggy writer of the format
/// would make) either loads or is refused with an <see cref="ArgumentException"/> naming LoadPath, and a refusal changes
/// nothing: no other exception, no huge allocation from a length read as garbage, no half-loaded trainer.
/// </summary>
[Collection(TrainingCollection.Name)]
public class CheckpointFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void EveryStructuralByteChangedUnderAMatchingChecksumLoadsOrIsRefusedCleanly()
    {
        string folder = TrainingFixtures.TempFolder();
        string original = Path.Combine(folder, "original.ckpt");
        byte[] weights, rng, optimizerState;
        using (var model = TinyModel(1))
        using (var optimizer = optim.SGD(model.parameters(), 0.1))
        using (var trainer = NewTrainer(model, optimizer))
        {
            trainer.SaveCheckpoint(original);
            using var rngState = random.get_rng_state();
            rng = rngState.data<byte>().ToArray();
            weights = MemoryMarshal.AsBytes(model.state_dict()["module.fc.weight"].data<float>().ToArray().AsSpan()).ToArray();
            optimizerState = TrainingFixtures.OptimizerState(optimizer);
        }

        // Every byte that says how to read the rest: headers, names, dtypes, ranks, shapes, lengths, counts and section
        // markers, and every byte of TorchSharp's own encoding of the optimizer's state (only its load_state_dict reads
        // them, into the live optimizer, which gets its own state back when they are malformed). Left out are the
        // insides of the two long runs of values (the weight matrix, the generator's state), where any bytes are valid.
        byte[] file = File.ReadAllBytes(original);
        var data = new[] { weights, rng, optimizerState }.Select(run => (At: file.AsSpan().IndexOf(run), run.Length)).ToList();
        Assert.All(data, d => Assert.True(d.At > 0));
        var positions = Enumerable.Range(0, file.Length - Checkpoint.TrailerLength)
            .Where(p => !data.Take(2).Any(d => p >= d.At + 8 && p < d.At + d.Length - 8))
            .ToList();

        string changed = Path.Combine(folder, "changed.ckpt");
        using var target = TinyModel(2);
        using var targetOptimizer = optim.SGD(target.parameters(), 0.1);
        var before = TrainingFixtures.Weights(target);
        var optimizerBefore = TrainingFixtures.OptimizerState(targetOptimizer);
        int loaded = 0, refused = 0, optimizerRefused = 0;
        var reasons = new SortedDictionary<string, int>();
        foreach (int position in positions)
        {
            foreach (byte value in new[] { (byte)(file[position] ^ 0xFF), (byte)(file[position] + 1) })
            {
                byte[] body = file[..^Checkpoint.TrailerLength];
                body[position] = value;
                File.WriteAllBytes(changed, TrainingFixtures.Sealed(body));
                try
                {
                    NewTrainer(target, targetOptimizer, changed).Dispose();
                    loaded++;
                    NewTrainer(target, targetOptimizer, original).Dispose(); // a known state for the next try
                    before = TrainingFixtures.Weights(target);
                    optimizerBefore = TrainingFixtures.OptimizerState(targetOptimizer);
                }
                catch (ArgumentException e) when (e.ParamName == "LoadPath")
                {
                    refused++;
                    const string Because = "cannot be loaded: ";
                    string reason = e.Message[(e.Message.IndexOf(Because, StringComparison.Ordinal) + Because.Length)..];
                    reason = string.Join(' ', reason.Split(' ').Take(4));
                    reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
                    Assert.Equal(before, TrainingFixtures.Weights(target));
                    Assert.Equal(optimizerBefore, TrainingFixtures.OptimizerState(targetOptimizer));
                    optimizerRefused += e.Message.Contains("its optimizer state cannot be read", StringComparison.Ordinal) ? 1 : 0;
                }
                catch (Exception e)
                {
                    Assert.Fail($"byte {position} set to {value}: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        output.WriteLine($"{positions.Count} of {file.Length} bytes, 2 changes each: {loaded} loaded, {refused} refused");
        foreach (var (reason, count) in reasons)
        {
            output.WriteLine($"  {count,5}  {reason}");
        }

        Assert.True(refused > loaded, "most structural bytes should matter");
        Assert.True(optimizerRefused > 0, "some of the optimizer's bytes should be refused by its own reader");
    }

    private static ComposerClassifier TinyModel(int seed)
    {
        manual_seed(seed);
        return new ComposerClassifier(nn.Sequential(("flatten", nn.Flatten()), ("fc", nn.Linear(784, 2))));
    }

    private static Trainer NewTrainer(ComposerModel model, optim.Optimizer optimizer, string? loadPath = null) => new(new()
    {
        Model = model,
        Optimizer = optimizer,
        TrainLoader = TrainingFixtures.Batches(32, 32),
        MaxDuration = "1ba",
        Device = "cpu",
        LoadPath = loadPath,
    });
}
