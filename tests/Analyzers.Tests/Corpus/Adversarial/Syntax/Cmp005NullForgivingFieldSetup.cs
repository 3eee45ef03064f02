// Scenario: a Lightning-style data module with a nullable loader field assigned in Setup(); the fit loop iterates `_train!` and sets `_train!.SetEpoch(epoch)` inside the batch loop (bug: CMP005).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp005NullForgivingFieldSetup;

public sealed class DigitsModule
{
    private EpochDataLoader? _train;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Linear(64, 10);

    public void Setup(InMemoryDataset data)
    {
        _train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 2);
    }

    public void Fit(int epochs)
    {
        var opt = optim.Adam(_model.parameters());
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var seen = 0L;
            foreach (var batch in _train!)
            {
                if (seen == 0) _train!.SetEpoch(epoch); //! CMP005
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
                seen += batch["label"].shape[0];
            }
        }
    }
}
