// Scenario: a language-model Trainer resets its counters at the top of every pass with one deconstruction, `(Epoch, Step) = (epoch, 0)`; `Epoch`'s set accessor in this file sets the training loader's epoch. Correct: the overview reads assigning a property whose set accessor is in view as a call of it, and the deconstruction assigns `Epoch` through that accessor before the iteration. Nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.TrainerEpochDeconstruction;

public sealed class LanguageModelTrainer
{
    private readonly Module<Tensor, Tensor> _model;
    private readonly EpochDataLoader _train;
    private int _epoch;

    public LanguageModelTrainer(Module<Tensor, Tensor> model, InMemoryDataset windows)
    {
        _model = model;
        _train = new EpochDataLoader(windows, batchSize: 16, shuffle: true, seed: 42, dropLast: true);
    }

    public int Epoch
    {
        get => _epoch;
        private set
        {
            _epoch = value;
            _train.SetEpoch(value);
        }
    }

    public long Step { get; private set; }

    public void Fit(int epochs, int logEvery = 100)
    {
        var optimizer = optim.AdamW(_model.parameters(), lr: 6e-4, weight_decay: 0.1);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            (Epoch, Step) = (epoch, 0);
            _model.train();

            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var logits = _model.call(batch["input_ids"]);
                var loss = functional.cross_entropy(logits.flatten(0, 1), batch["labels"].flatten());
                loss.backward();
                optimizer.step();
                if (++Step % logEvery == 0) Console.WriteLine($"epoch {Epoch} step {Step}: {loss.item<float>():F3}");
            }
        }
    }
}
