// Scenario: a library's fluent LoaderBuilder forwards its option fields (shuffle, sampler, batch size) to EpochDataLoader as variables, and uses a batch sampler alone when one is set (right: no constant conflicts)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace FluentData;

/// <summary>
/// Builds an <see cref="EpochDataLoader"/> step by step:
/// <c>new LoaderBuilder(data).BatchSize(64).Shuffle(seed: 1).Build()</c>.
/// </summary>
public sealed class LoaderBuilder
{
    private readonly InMemoryDataset _data;
    private int _batchSize = 1;
    private bool _shuffle;
    private int _seed;
    private bool _dropLast;
    private ISampler? _sampler;
    private IBatchSampler? _batchSampler;
    private Device? _device;

    public LoaderBuilder(InMemoryDataset data) => _data = data ?? throw new ArgumentNullException(nameof(data));

    public LoaderBuilder BatchSize(int batchSize) { _batchSize = batchSize; return this; }
    public LoaderBuilder Shuffle(int seed = 0) { _shuffle = true; _seed = seed; return this; }
    public LoaderBuilder DropLast(bool dropLast = true) { _dropLast = dropLast; return this; }
    public LoaderBuilder WithSampler(ISampler sampler) { _sampler = sampler; return this; }
    public LoaderBuilder WithBatchSampler(IBatchSampler batchSampler) { _batchSampler = batchSampler; return this; }
    public LoaderBuilder OnDevice(Device device) { _device = device; return this; }

    /// <summary>Creates the loader.</summary>
    /// <exception cref="InvalidOperationException">Both a sampler and <see cref="Shuffle"/> were asked for.</exception>
    public EpochDataLoader Build()
    {
        if (_batchSampler is not null)
            return new EpochDataLoader(_data, batchSampler: _batchSampler, device: _device);

        if (_sampler is not null && _shuffle)
            throw new InvalidOperationException("Use either Shuffle() or WithSampler(), not both.");

        return new EpochDataLoader(_data, _batchSize, _shuffle, _sampler,
            dropLast: _dropLast, device: _device, seed: _seed);
    }
}
