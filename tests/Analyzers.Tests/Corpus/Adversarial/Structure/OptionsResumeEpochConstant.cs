// Scenario: a resumable trainer reads ResumeEpoch from its options object into a local, starts the epoch loop there, but passes that local (not the loop's epoch) to the injected shard sampler's SetEpoch (wrong: the same epoch on every pass).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.OptionsResumeEpochConstant;

public sealed record RunOptions(int Epochs, int Seed, int BatchSize, int ResumeEpoch, string CheckpointDir);

public sealed class ResumableTrainer
{
    private readonly RunOptions _options;
    private readonly DistributedSampler _shard;
    private readonly EpochDataLoader _loader;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public ResumableTrainer(InMemoryDataset data, nn.Module<Tensor, Tensor> model, RunOptions options, int rank, int world)
    {
        _options = options;
        _model = model;
        _optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        _shard = new DistributedSampler(data.Count, numReplicas: world, rank: rank, seed: options.Seed);
        _loader = new EpochDataLoader(data, batchSize: options.BatchSize, sampler: _shard);
    }

    public void Fit()
    {
        int resumeFrom = _options.ResumeEpoch;
        if (resumeFrom > 0)
            _model.load(Path.Combine(_options.CheckpointDir, $"epoch-{resumeFrom - 1}.bin"));

        for (int epoch = resumeFrom; epoch < _options.Epochs; epoch++)
        {
            _shard.SetEpoch(resumeFrom); //! CMP004
            foreach (var batch in _loader)
            {
                _optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
                loss.backward();
                _optimizer.step();
            }
            Directory.CreateDirectory(_options.CheckpointDir);
            _model.save(Path.Combine(_options.CheckpointDir, $"epoch-{epoch}.bin"));
        }
    }
}
