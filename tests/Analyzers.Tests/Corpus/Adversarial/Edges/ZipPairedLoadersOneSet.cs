// Scenario: contrastive image/caption training zips two shuffling loaders but sets the epoch only on the image loader; the caption loader replays its order; wrong.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.ZipPairedLoadersOneSet;

public sealed class ClipStyleTrainer
{
    private readonly nn.Module<Tensor, Tensor> _imageEncoder;
    private readonly nn.Module<Tensor, Tensor> _textEncoder;
    private readonly optim.Optimizer _optimizer;
    private readonly double _temperature;

    public ClipStyleTrainer(nn.Module<Tensor, Tensor> imageEncoder, nn.Module<Tensor, Tensor> textEncoder, double temperature = 0.07)
    {
        _imageEncoder = imageEncoder;
        _textEncoder = textEncoder;
        _temperature = temperature;
        _optimizer = optim.AdamW(imageEncoder.parameters().Concat(textEncoder.parameters()), lr: 5e-4);
    }

    public void Fit(InMemoryDataset imageSet, InMemoryDataset captionSet, int epochs)
    {
        using var images = new EpochDataLoader(imageSet, batchSize: 128, shuffle: true, seed: 1, dropLast: true);
        using var captions = new EpochDataLoader(captionSet, batchSize: 128, sampler: new RandomSampler(captionSet.Count, seed: 2), dropLast: true);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            images.SetEpoch(epoch);

            foreach (var (img, txt) in images.Zip(captions)) //! CMP002
            {
                _optimizer.zero_grad();
                using var zi = nn.functional.normalize(_imageEncoder.forward(img["pixels"]), dim: 1);
                using var zt = nn.functional.normalize(_textEncoder.forward(txt["tokens"]), dim: 1);
                using var logits = zi.matmul(zt.t()) / _temperature;
                using var targets = arange(logits.shape[0], dtype: ScalarType.Int64);
                using var loss = (nn.functional.cross_entropy(logits, targets) + nn.functional.cross_entropy(logits.t(), targets)) / 2;
                loss.backward();
                _optimizer.step();
            }
        }
    }
}
