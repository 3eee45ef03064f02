using Composer.Training;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

/// <summary>
/// A checkpoint that is refused changes nothing: the trainer's model, optimizer (state and rates), schedulers and
/// stateful callbacks are as they were, whatever part of the checkpoint does not fit, however late in the file.
/// </summary>
[Collection(TrainingCollection.Name)]
public class RejectedCheckpointTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Changes => new()
    {
        { "optimizer", "the state of a TorchSharp.Modules.Adam, but the trainer's optimizer is a TorchSharp.Modules.SGD" },
        { "optimizer groups", "its optimizer has 1 parameter groups, the trainer's 2" },
        { "optimizer parameters", "its optimizer has 4 parameters, the trainer's 2" },
        { "optimizer order", "its optimizer's parameter 0 is Float32[64, 784], the trainer's Float32[10]" },
        { "scheduler", "schedulers/0/CosineAnnealingScheduler" },
        { "stateful missing", "unexpected [callbacks/0/TallyCallback]" },
        { "stateful extra", "missing [callbacks/1/TallyCallback]" },
        { "stateful shape", "'sum' as Float64[3], the trainer's as Float64[4]" },
        { "stateful keys", "has 'sum', which the trainer's does not; the state of 'callbacks/0/TallyCallback' lacks 'total'" },
        { "model", "'module.fc1.weight' is Float32[64, 784] in the checkpoint, Float32[80, 784] in the model" },
        { "corrupt byte", "checksum does not match" },
        { "truncated", "truncated" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void ARefusedCheckpointChangesNothing(string change, string reported)
    {
        // The checkpoint: 3 batches of Adam with a StepLR and a stateful callback.
        string path = Path.Combine(TrainingFixtures.TempFolder(), "source.ckpt");
        using (var model = TrainingFixtures.Mlp(1))
        using (var optimizer = optim.Adam(model.parameters(), 1e-2))
        using (var trainer = NewTrainer(model, optimizer, optim.lr_scheduler.StepLR(optimizer, 1, 0.5), [new TallyCallback()], "3ba"))
        {
            trainer.Fit();
            trainer.SaveCheckpoint(path);
        }

        byte[] file = File.ReadAllBytes(path);
        if (change == "corrupt byte")
        {
            file[^60] ^= 0x10; // in the RNG state, the last part: everything before it fits
            File.WriteAllBytes(path, file);
        }
        else if (change == "truncated")
        {
            File.WriteAllBytes(path, file[..(file.Length * 9 / 10)]);
        }

        // The trainer it is loaded into: its own model, optimizer, scheduler and callbacks, all with state of their own.
        using var target = change == "model" ? WiderMlp() : TrainingFixtures.Mlp(2);
        var parameters = target.parameters().ToList();
        using optim.Optimizer targetOptimizer = change switch
        {
            "optimizer" => optim.SGD(parameters, 0.1, momentum: 0.9),
            "optimizer groups" => optim.Adam([new Adam.ParamGroup(parameters.Take(2), new Adam.Options { LearningRate = 1e-2 }), new Adam.ParamGroup(parameters.Skip(2), new Adam.Options { LearningRate = 1e-2 })], 1e-2),
            "optimizer parameters" => optim.Adam(parameters.Take(2), 1e-2),
            "optimizer order" => optim.Adam(Enumerable.Reverse(parameters), 1e-2), // the same parameters, listed in another order
            _ => optim.Adam(parameters, 1e-2),
        };
        var tally3 = new TallyCallback(sumKey: change == "stateful keys" ? "total" : "sum");
        var tally4 = new TallyCallback(change == "stateful shape" ? 4 : 3);
        List<Callback> callbacks = change switch
        {
            "stateful missing" => [],
            "stateful extra" => [tally3, tally4],
            "stateful shape" => [tally4],
            _ => [tally3],
        };
        using (var warmup = NewTrainer(target, targetOptimizer, optim.lr_scheduler.StepLR(targetOptimizer, 1, 0.5), callbacks, "2ba"))
        {
            warmup.Fit();
        }

        ComposerScheduler scheduler = change == "scheduler" ? new CosineAnnealingScheduler() : optim.lr_scheduler.StepLR(targetOptimizer, 1, 0.5);
        var before = Snapshot(target, targetOptimizer, callbacks);

        var e = Assert.Throws<ArgumentException>(() => NewTrainer(target, targetOptimizer, scheduler, callbacks, "4ba", loadPath: path).Dispose());
        // The trainer seeded the random generator (Seed 0) before loading: a refused checkpoint leaves it there.
        using (var drawn = rand(4))
        {
            Reproducibility.SeedAll(0);
            using var seeded = rand(4);
            Assert.Equal(seeded.data<float>().ToArray(), drawn.data<float>().ToArray());
        }


        output.WriteLine(e.Message);
        Assert.Equal("LoadPath", e.ParamName);
        Assert.Contains(reported, e.Message);
        var after = Snapshot(target, targetOptimizer, callbacks);
        Assert.Equal(before.Weights, after.Weights);
        Assert.Equal(before.Optimizer, after.Optimizer);
        Assert.Equal(before.Rates, after.Rates);
        Assert.Equal(before.Callbacks, after.Callbacks);
        Assert.Equal(0, (scheduler as TorchScheduler)?.Steps ?? 0);
    }

    private static (Dictionary<string, float[]> Weights, byte[] Optimizer, double[] Rates, double[][] Callbacks) Snapshot(
        ComposerModel model, optim.Optimizer optimizer, List<Callback> callbacks)
    {
        var state = new MemoryStream();
        using (var writer = new BinaryWriter(state))
        {
            ((OptimizerHelper)optimizer).save_state_dict(writer);
        }

        var tallies = callbacks.Cast<TallyCallback>().Select(t => t.Sum.data<double>().ToArray().Append(t.Batches).ToArray()).ToArray();
        return (TrainingFixtures.Weights(model), state.ToArray(), optimizer.ParamGroups.Select(g => g.LearningRate).ToArray(), tallies);
    }

    private static ComposerClassifier WiderMlp()
    {
        Reproducibility.SeedAll(3);
        return new ComposerClassifier(nn.Sequential(
            ("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 80)), ("relu", nn.ReLU()), ("dropout", nn.Dropout(0.2)), ("fc2", nn.Linear(80, 10))));
    }

    private static Trainer NewTrainer(ComposerModel model, optim.Optimizer optimizer, ComposerScheduler scheduler, List<Callback> callbacks,
        string maxDuration, string? loadPath = null) => new(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(128, 32),
            MaxDuration = maxDuration,
            Schedulers = [scheduler],
            Callbacks = callbacks,
            Device = "cpu",
            LoadPath = loadPath,
        });
}
