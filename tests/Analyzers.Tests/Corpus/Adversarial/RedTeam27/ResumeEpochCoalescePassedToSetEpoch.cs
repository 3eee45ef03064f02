// Scenario: a resumable trainer takes `int? resumeFrom`; the line that primed the loader before the loop, `Epochs.SetEpoch(_train, resumeFrom ?? 0)`, was moved into the epoch loop unchanged. Wrong: `resumeFrom ?? 0` is the same number on every pass, so every epoch after the resume replays one order. CMP004 page: flagged when the epoch argument is "an expression made only of constants, ... and of locals and parameters that the loop neither declares nor changes: ... a start epoch set before the loop, ... a method parameter ... Operators, casts, `?:` and parentheses over such values are judged the same way"; `??` is such an operator over a parameter and a constant. CMP004 at the setter.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam27.ResumeCoalesce;

public sealed class ResumableTrainer : IDisposable
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly string _checkpointDir;

    public ResumableTrainer(InMemoryDataset data, nn.Module<Tensor, Tensor> model, string checkpointDir)
    {
        _train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 99);
        _model = model;
        _optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        _checkpointDir = checkpointDir;
    }

    public void Fit(int epochs, int? resumeFrom = null)
    {
        if (resumeFrom is int r)
            _model.load(Path.Combine(_checkpointDir, $"epoch-{r - 1}.bin"));

        for (int epoch = resumeFrom ?? 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(_train, resumeFrom ?? 0); //! CMP004
            _model.train();
            float last = 0;
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                loss.backward();
                _optimizer.step();
                last = loss.item<float>();
            }
            _model.save(Path.Combine(_checkpointDir, $"epoch-{epoch}.bin"));
            Console.WriteLine($"epoch {epoch}: last loss {last:F4}");
        }
    }

    public void Dispose()
    {
        _train.Dispose();
        _optimizer.Dispose();
    }
}
