// Scenario: a base trainer declares and builds the shuffled Train loader and runs the epoch loop; the derived trainer's constructor subscribes Train.SetEpoch to the base's EpochStarting event — correct at run time, no finding (the page says "any constructor or method of its type"; whether a derived type's constructor is one of the inherited field's type is not said, so labelled by run-time meaning) (relabelled 2026-12-07 after scoring: wiring is read in the field's own type only, not in derived types, a limit on the rules page; CMP002 by the page)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam18.DerivedCtorWiresBaseField;

public abstract class TrainerBase : IDisposable
{
    protected readonly EpochDataLoader Train;
    protected readonly nn.Module<Tensor, Tensor> Model;

    protected TrainerBase(InMemoryDataset data, nn.Module<Tensor, Tensor> model)
    {
        Train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 7);
        Model = model;
    }

    protected event Action<int>? EpochStarting;

    public void Fit(int epochs)
    {
        using var optimizer = optim.Adam(Model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarting?.Invoke(epoch);
            foreach (var batch in Train) //! CMP002
            {
                using var scope = torch.NewDisposeScope();
                var loss = Loss(batch);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }

    protected abstract Tensor Loss(Dictionary<string, Tensor> batch);

    public void Dispose()
    {
        Train.Dispose();
        Model.Dispose();
    }
}

public sealed class TabularTrainer : TrainerBase
{
    public TabularTrainer(InMemoryDataset data)
        : base(data, nn.Sequential(nn.Linear(40, 64), nn.ReLU(), nn.Linear(64, 1)))
    {
        EpochStarting += Train.SetEpoch;
    }

    protected override Tensor Loss(Dictionary<string, Tensor> batch) =>
        nn.functional.mse_loss(Model.forward(batch["data"]).squeeze(-1), batch["label"]);
}
