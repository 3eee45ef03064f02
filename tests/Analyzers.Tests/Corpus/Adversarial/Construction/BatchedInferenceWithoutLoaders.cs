// Scenario: An inference service splits incoming image tensors into chunks with tensor.split and loops over them several times for test-time augmentation; no loader exists, so nothing applies (negative).
using TorchSharp;
using static TorchSharp.torch;

namespace Serving;

public sealed class FashionClassifierService : IDisposable
{
    static readonly string[] ClassNames = ["T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
    readonly nn.Module<Tensor, Tensor> _model;
    readonly Device _device;

    public FashionClassifierService(string weights)
    {
        _device = cuda.is_available() ? CUDA : CPU;
        _model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(784, 256)),
            ("act", nn.ReLU()),
            ("fc2", nn.Linear(256, 10)));
        _model.load(weights);
        _model.to(_device).eval();
    }

    public IReadOnlyList<(string Label, float Confidence)> Predict(Tensor images, int chunk = 256, int augmentations = 4)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var probabilities = zeros(images.shape[0], 10, device: _device);
        for (int pass = 0; pass < augmentations; pass++)
        {
            long offset = 0;
            foreach (var part in images.split(chunk))
            {
                var input = (pass % 2 == 1 ? part.flip(3) : part).to(_device);
                var shifted = pass >= 2 ? input.roll(1, 2) : input;
                var p = nn.functional.softmax(_model.forward(shifted), 1);
                probabilities[TensorIndex.Slice(offset, offset + part.shape[0])] += p / augmentations;
                offset += part.shape[0];
            }
        }
        var (values, indices) = probabilities.max(1);
        float[] confidence = values.cpu().data<float>().ToArray();
        long[] classes = indices.cpu().data<long>().ToArray();
        return classes.Select((c, i) => (ClassNames[c], confidence[i])).ToList();
    }

    public void Dispose() => _model.Dispose();
}
