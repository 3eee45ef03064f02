using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace FashionMnist;

/// <summary>The networks of the sample: two 3×3 convolutions with 2×2 max pooling, then two linear layers.</summary>
internal static class Models
{
    /// <summary>
    /// conv(1→32) → [BN] → ReLU → pool → conv(32→64) → [BN] → ReLU → pool → linear(3136→128) → [BN] → ReLU → dropout → linear(128→10).
    /// </summary>
    public static Module<Tensor, Tensor> Cnn(bool batchNorm)
    {
        var layers = new List<(string, Module<Tensor, Tensor>)>();
        void Block(string name, Module<Tensor, Tensor> layer, Module<Tensor, Tensor>? norm)
        {
            layers.Add((name, layer));
            if (batchNorm && norm is not null)
            {
                layers.Add((name + "_bn", norm));
            }

            layers.Add((name + "_relu", ReLU()));
        }

        Block("conv1", Conv2d(1, 32, 3, padding: 1, bias: !batchNorm), BatchNorm2d(32));
        layers.Add(("pool1", MaxPool2d(2)));
        Block("conv2", Conv2d(32, 64, 3, padding: 1, bias: !batchNorm), BatchNorm2d(64));
        layers.Add(("pool2", MaxPool2d(2)));
        layers.Add(("flatten", Flatten()));
        Block("fc1", Linear(64 * 7 * 7, 128, hasBias: !batchNorm), BatchNorm1d(128));
        layers.Add(("dropout", Dropout(0.3)));
        layers.Add(("fc2", Linear(128, 10)));
        return Sequential(layers);
    }
}
