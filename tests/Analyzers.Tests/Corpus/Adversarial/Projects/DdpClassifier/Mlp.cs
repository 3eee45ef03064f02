using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DdpClassifier;

/// <summary>A small multi-layer perceptron for 28×28 images.</summary>
public sealed class Mlp : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> _layers;

    public Mlp(int hidden = 256, int classes = 10, double dropout = 0.1) : base(nameof(Mlp))
    {
        _layers = Sequential(
            Flatten(),
            Linear(28 * 28, hidden), ReLU(), Dropout(dropout),
            Linear(hidden, hidden), ReLU(), Dropout(dropout),
            Linear(hidden, classes));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => _layers.call(input);
}
