// Scenario: a trainer keeps its epoch in a field restored by rank 0 and broadcast to all ranks, loops `while (_epoch < _maxEpochs)`, sets the shuffled loader's epoch from the field and increments it after the pass: correct.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lab.Ddp;

public sealed class CounterTrainer
{
    readonly EpochDataLoader _loader;
    readonly Sequential _model;
    readonly optim.Optimizer _optimizer;
    readonly int _maxEpochs;
    int _epoch;

    public CounterTrainer(InMemoryDataset data, int maxEpochs)
    {
        _loader = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 11);
        _model = nn.Sequential(("flat", nn.Flatten()), ("lin", nn.Linear(784, 10)));
        _optimizer = optim.SGD(_model.parameters(), 0.1);
        _maxEpochs = maxEpochs;
    }

    void RestoreEpoch(string stateFile)
    {
        var value = torch.zeros(1, ScalarType.Int32);
        if (Dist.Rank == 0 && File.Exists(stateFile))
            value.fill_(int.Parse(File.ReadAllText(stateFile)));
        Dist.Broadcast(value, root: 0);
        _epoch = value.item<int>();
    }

    public void Train(string stateFile)
    {
        RestoreEpoch(stateFile);
        using var reducer = new GradientAllReducer(_model);
        reducer.BroadcastParameters();

        while (_epoch < _maxEpochs)
        {
            _loader.SetEpoch(_epoch);
            foreach (var batch in _loader)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                loss.backward();
                reducer.AverageGradients();
                _optimizer.step();
            }
            _epoch++;
            if (Dist.Rank == 0) File.WriteAllText(stateFile, _epoch.ToString());
        }
    }
}
