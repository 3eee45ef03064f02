// Scenario: curriculum learning sets the epoch in the easy-stage branch but the hard-stage branch iterates its shuffled loader without setting it: bug on the hard loader.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Curriculum;

public sealed class CurriculumTrainer
{
    private readonly EpochDataLoader _easy;
    private readonly EpochDataLoader _hard;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public CurriculumTrainer(InMemoryDataset shortSequences, InMemoryDataset fullSequences)
    {
        _easy = new EpochDataLoader(shortSequences, batchSize: 128, shuffle: true, seed: 10);
        _hard = new EpochDataLoader(fullSequences, batchSize: 32, sampler: new RandomSampler(fullSequences.Count, seed: 11));
        _model = nn.Sequential(("embed", nn.Linear(50, 128)), ("relu", nn.ReLU()), ("head", nn.Linear(128, 6)));
        _optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
    }

    public void Fit(int easyEpochs, int totalEpochs)
    {
        for (int epoch = 0; epoch < totalEpochs; epoch++)
        {
            if (epoch < easyEpochs)
            {
                _easy.SetEpoch(epoch);
                foreach (var batch in _easy) Step(batch);
            }
            else
            {
                foreach (var batch in _hard) Step(batch); //! CMP002
            }
        }
    }

    private void Step(Dictionary<string, Tensor> batch)
    {
        _optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
        loss.backward();
        _optimizer.step();
    }
}
