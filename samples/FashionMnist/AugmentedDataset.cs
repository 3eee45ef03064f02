using Composer.Data;
using static TorchSharp.torch;

namespace FashionMnist;

/// <summary>
/// An in-memory data set whose image column goes through a transform (random crops, flips) as each sample is
/// loaded, drawing from the sample's <see cref="SampleRandom"/>: every epoch sees new crops, and the same ones
/// whatever the number of threads or a resume.
/// </summary>
/// <remarks>The loader then stacks samples one by one instead of gathering whole batches: about a second per epoch of Fashion-MNIST, on the prefetch thread.</remarks>
internal sealed class AugmentedDataset : utils.data.Dataset, IRandomizedDataset<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _source;
    private readonly ITransform _transform;
    private readonly string _column;

    /// <summary>Transforms column <paramref name="column"/> of <paramref name="source"/>, which it owns from now on.</summary>
    public AugmentedDataset(InMemoryDataset source, ITransform transform, string column = "data")
    {
        _source = source;
        _transform = transform;
        _column = column;
    }

    public override long Count => _source.Count;

    /// <summary>The sample as epoch 0 would see it (for loaders that know nothing of epochs).</summary>
    public override Dictionary<string, Tensor> GetTensor(long index) => GetSample(index, new SampleRandom(0, 0, index));

    public Dictionary<string, Tensor> GetSample(long index, SampleRandom random)
    {
        var sample = _source.GetTensor(index);
        var image = sample[_column];
        using (NewDisposeScope())
        {
            var augmented = _transform.Apply(image, random);
            if (!ReferenceEquals(augmented, image)) // a transform may hand back its input
            {
                sample[_column] = augmented.MoveToOuterDisposeScope();
                image.Dispose();
            }
        }

        return sample;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _source.Dispose();
        }

        base.Dispose(disposing);
    }
}
