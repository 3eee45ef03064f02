// Scenario: loader construction moved into a fluent TrainLoaderBuilder; its P×K branch passes batchSize: ClassesPerBatch * SamplesPerClass (const operands, folded to 64) together with the batch sampler, which EpochDataLoader rejects (wrong); the plain branch with the builder's batch size field is fine.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace FaceId.Data;

public sealed class TrainLoaderBuilder
{
    private const int ClassesPerBatch = 16;
    private const int SamplesPerClass = 4;

    private readonly InMemoryDataset _dataset;
    private int _batchSize = 128;
    private int _seed;
    private bool _balanced;
    private Device? _device;

    public TrainLoaderBuilder(InMemoryDataset dataset) => _dataset = dataset;

    public TrainLoaderBuilder WithBatchSize(int batchSize) { _batchSize = batchSize; return this; }
    public TrainLoaderBuilder WithSeed(int seed) { _seed = seed; return this; }
    public TrainLoaderBuilder ClassBalanced() { _balanced = true; return this; }
    public TrainLoaderBuilder OnDevice(Device device) { _device = device; return this; }

    public EpochDataLoader Build()
    {
        if (_balanced)
        {
            long[] identities = _dataset.Columns["label"].data<long>().ToArray();
            var pk = new ClassBalancedBatchSampler(identities, ClassesPerBatch, SamplesPerClass, seed: _seed);
            // keep the batch size explicit so the logs show it
            return new EpochDataLoader(_dataset, batchSize: ClassesPerBatch * SamplesPerClass, batchSampler: pk, device: _device); //! CMP006
        }

        EpochDataLoader plain = new(_dataset, batchSize: _batchSize, shuffle: true, device: _device, seed: _seed);
        return plain;
    }
}

public static class FaceIdTraining
{
    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset faces, int epochs)
    {
        using var train = new TrainLoaderBuilder(faces).WithSeed(3).ClassBalanced().OnDevice(CPU).Build();
        using var optimizer = optim.Adam(model.parameters(), lr: 3e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(train, epoch);
            foreach (var batch in train)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
