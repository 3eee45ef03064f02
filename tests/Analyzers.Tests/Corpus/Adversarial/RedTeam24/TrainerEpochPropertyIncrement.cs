// Scenario: a Trainer exposes `Epoch` whose set accessor (in this file) also sets the training loader's epoch; Fit starts it with `Epoch = start` and advances it with `Epoch++` at the end of each pass, so every pass iterates a loader told the current epoch. Correct: the overview reads assigning a property whose set accessor is in view as a call of it, and `Epoch++` assigns the property through that accessor. Nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.TrainerEpochPropertyIncrement;

public sealed class Trainer
{
    private readonly Module<Tensor, Tensor> _model;
    private readonly EpochDataLoader _train;
    private readonly optim.Optimizer _optimizer;
    private int _epoch;

    public Trainer(Module<Tensor, Tensor> model, InMemoryDataset data)
    {
        _model = model;
        _train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 1234);
        _optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
    }

    public int Epoch
    {
        get => _epoch;
        set
        {
            _epoch = value;
            _train.SetEpoch(value);
        }
    }

    public void Fit(int start, int epochs)
    {
        Epoch = start;
        while (Epoch < epochs)
        {
            _model.train();
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = functional.cross_entropy(_model.call(batch["x"]), batch["y"]);
                loss.backward();
                _optimizer.step();
            }

            Console.WriteLine($"finished epoch {Epoch}");
            Epoch++;
        }
    }
}
