// Scenario: a patience-based while loop iterates a shuffle:true loader every pass but never sets its epoch, so every epoch replays one order: bug.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.EarlyStopping;

public sealed class PatienceTrainer
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _valid;

    public PatienceTrainer(InMemoryDataset train, InMemoryDataset valid, int seed)
    {
        _model = nn.Sequential(("fc1", nn.Linear(20, 128)), ("act", nn.GELU()), ("fc2", nn.Linear(128, 4)));
        _optimizer = optim.SGD(_model.parameters(), learningRate: 0.05, momentum: 0.9);
        _train = new EpochDataLoader(train, batchSize: 64, shuffle: true, seed: seed, dropLast: true);
        _valid = new EpochDataLoader(valid, batchSize: 512);
    }

    public int Run(int patience, int maxEpochs)
    {
        int epoch = 0, stale = 0;
        double best = double.MaxValue;
        while (stale < patience && epoch < maxEpochs)
        {
            foreach (var batch in _train) //! CMP002
            {
                _optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                loss.backward();
                _optimizer.step();
            }

            double val = Validate();
            if (val < best) { best = val; stale = 0; }
            else stale++;
            epoch++;
        }
        return epoch;
    }

    private double Validate()
    {
        using var _ = torch.no_grad();
        double total = 0;
        int n = 0;
        foreach (var batch in _valid)
        {
            total += nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]).item<float>();
            n++;
        }
        return total / Math.Max(n, 1);
    }
}
