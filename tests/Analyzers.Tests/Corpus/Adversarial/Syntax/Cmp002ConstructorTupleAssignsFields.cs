// Scenario: a trainer's expression-bodied constructor assigns both loader fields with a tuple, `=> (_train, _eval) = (new EpochDataLoader(..., shuffle: true), new EpochDataLoader(...));`; Fit iterates `_train` every epoch without setting its epoch (bug: CMP002 on `_train`).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002ConstructorTupleAssignsFields;

public sealed class ClassifierTrainer
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _eval;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 5));

    public ClassifierTrainer(InMemoryDataset trainSet, InMemoryDataset evalSet) =>
        (_train, _eval) = (new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 7),
                           new EpochDataLoader(evalSet, batchSize: 512));

    public void Fit(int epochs)
    {
        var opt = optim.AdamW(_model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _model.train();
            foreach (var batch in _train) //! CMP002
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
            _model.eval();
            using var _ = no_grad();
            long correct = 0;
            foreach (var batch in _eval)
                correct += _model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            Console.WriteLine($"epoch {epoch}: {correct} correct");
        }
    }
}
