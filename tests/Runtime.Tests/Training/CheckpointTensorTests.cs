using Composer.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

/// <summary>Model tensors of every dtype a checkpoint stores, and of a layout that is not contiguous, come back exactly.</summary>
[Collection(TrainingCollection.Name)]
public class CheckpointTensorTests
{
    private static readonly ScalarType[] Dtypes =
    [
        ScalarType.Byte, ScalarType.Int8, ScalarType.Bool, ScalarType.Int16, ScalarType.Float16, ScalarType.BFloat16,
        ScalarType.Int32, ScalarType.Float32, ScalarType.Int64, ScalarType.Float64, ScalarType.ComplexFloat32, ScalarType.ComplexFloat64,
    ];

    [Fact]
    public void EveryDtypeAndATransposedBufferRoundTripIntoANewFolder()
    {
        // A folder that does not exist yet, two levels down: saving makes it.
        string path = Path.Combine(TrainingFixtures.TempFolder(), "new", "deeper", "every-dtype.ckpt");
        using var source = new ComposerClassifier(new EveryDtype(seed: 1));
        using (var optimizer = optim.SGD(source.parameters(), 0.1))
        using (var trainer = NewTrainer(source, optimizer))
        {
            trainer.SaveCheckpoint(path);
        }

        using var target = new ComposerClassifier(new EveryDtype(seed: 2));
        var saved = source.state_dict();
        var before = target.state_dict();
        Assert.Contains(before, t => !t.Value.is_contiguous());
        Assert.All(before, t => Assert.False(t.Value.equal(saved[t.Key]).all().item<bool>(), $"{t.Key} should differ before loading"));

        using (var optimizer = optim.SGD(target.parameters(), 0.1))
        using (NewTrainer(target, optimizer, loadPath: path))
        {
            foreach (var (name, tensor) in target.state_dict())
            {
                Assert.Equal(saved[name].dtype, tensor.dtype);
                Assert.True(tensor.equal(saved[name]).all().item<bool>(), $"{name} ({tensor.dtype}) differs after loading");
            }
        }
    }

    private static Trainer NewTrainer(ComposerModel model, optim.Optimizer optimizer, string? loadPath = null) => new(new()
    {
        Model = model,
        Optimizer = optimizer,
        TrainLoader = TrainingFixtures.Batches(32, 32),
        Device = "cpu",
        LoadPath = loadPath,
    });

    /// <summary>A weight and a buffer of every dtype, one of them a transposed (non-contiguous) view.</summary>
    private sealed class EveryDtype : nn.Module<Tensor, Tensor>
    {
        private readonly Parameter _weight;

        public EveryDtype(int seed) : base(nameof(EveryDtype))
        {
            var generator = new Generator((ulong)seed);
            _weight = new Parameter(randn(784, 10, generator: generator));
            register_parameter("weight", _weight);
            register_buffer("transposed", randn(4, 3, generator: generator).t());
            foreach (var dtype in Dtypes)
            {
                var values = dtype is ScalarType.ComplexFloat32 or ScalarType.ComplexFloat64 ? randn(5, dtype: dtype, generator: generator)
                    : dtype == ScalarType.Bool ? randn(16, generator: generator) > 0
                    : (randn(5, generator: generator) * 50).to(dtype);
                register_buffer($"b_{dtype}", values);
            }
        }

        public override Tensor forward(Tensor input) => input.flatten(1).matmul(_weight);
    }
}
