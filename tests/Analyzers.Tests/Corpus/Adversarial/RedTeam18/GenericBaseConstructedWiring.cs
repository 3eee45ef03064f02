// Scenario: a generic trainer base TrainerBase<TModel> builds a shuffled loader and subscribes its SetEpoch to the base's event in its constructor; the derived ClassifierTrainer : TrainerBase<Classifier> runs the epoch loop over the inherited field — correct, no finding (the field's type is TrainerBase<TModel>; the page reads a generic type's members "of every instantiation")
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam18.GenericBaseConstructedWiring;

public sealed class Classifier : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _net = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 4));

    public Classifier() : base(nameof(Classifier)) => RegisterComponents();

    public override Tensor forward(Tensor input) => _net.forward(input);
}

public abstract class TrainerBase<TModel> where TModel : nn.Module<Tensor, Tensor>
{
    protected readonly EpochDataLoader _train;
    protected readonly TModel _model;

    protected TrainerBase(InMemoryDataset data, TModel model, int seed)
    {
        _train = new EpochDataLoader(data, batchSize: 50, shuffle: true, seed: seed);
        _model = model;
        EpochStarting += _train.SetEpoch;
    }

    protected event Action<int>? EpochStarting;

    protected void RaiseEpochStarting(int epoch) => EpochStarting?.Invoke(epoch);
}

public sealed class ClassifierTrainer : TrainerBase<Classifier>
{
    public ClassifierTrainer(InMemoryDataset data) : base(data, new Classifier(), seed: 99) { }

    public void Fit(int epochs)
    {
        using var optimizer = optim.Adam(_model.parameters(), lr: 3e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            RaiseEpochStarting(epoch);
            foreach (var batch in _train)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
