// Scenario: a trainer creates its TorchSharp DataLoader lazily with `_train ??= new DataLoader(…, shuffle: true, seed: 42)` and iterates the field every epoch: wrong (TorchSharp reseeds from 42 at every enumeration) - CMP003, whose message should name `_train`.
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.LazyTorchLoaderFieldFixedSeed;

public sealed class Classifier : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Linear _fc1 = nn.Linear(20, 64);
    private readonly TorchSharp.Modules.Linear _fc2 = nn.Linear(64, 4);

    public Classifier() : base(nameof(Classifier)) => RegisterComponents();

    public override Tensor forward(Tensor input) => _fc2.forward(nn.functional.relu(_fc1.forward(input)));
}

public sealed class LazyTrainer(utils.data.Dataset dataset)
{
    private TorchSharp.Modules.DataLoader? _train;
    private readonly Classifier _model = new();

    public void Fit(int epochs)
    {
        _train ??= new TorchSharp.Modules.DataLoader(dataset, 32, shuffle: true, seed: 42); //! CMP003
        var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _model.train();
            double total = 0;
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: {total:F3}");
        }
    }
}
