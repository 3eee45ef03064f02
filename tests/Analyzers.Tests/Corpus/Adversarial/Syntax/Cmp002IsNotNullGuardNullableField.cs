// Scenario: a nullable loader field assigned in Setup(); Fit guards with `if (_train is not null) _train.SetEpoch(epoch);` before iterating `_train!`; correct, no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002IsNotNullGuardNullableField;

public sealed class SpeechModule
{
    private EpochDataLoader? _train;
    private readonly nn.Module<Tensor, Tensor> _net = nn.Linear(40, 30);

    public void Setup(InMemoryDataset data) => _train = new EpochDataLoader(data, batchSize: 24, shuffle: true, seed: 3, dropLast: true);

    public void Fit(int epochs)
    {
        var opt = optim.Adam(_net.parameters());
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (_train is not null) _train.SetEpoch(epoch);
            foreach (var batch in _train!)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(_net.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
        }
    }
}
