// Scenario: a trainer's constructor assigns its train and eval loader fields in one tuple deconstruction; the train loader shuffles per epoch and Fit never sets its epoch. Wrong (CMP002 expected; whether `(_train, _eval) = (…)` is one of the docs' "X = …" assignments is not spelled out: ambiguous).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.TrainerCtorDeconstructLoaders;

public sealed class SentimentTrainer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _eval;
    private readonly optim.Optimizer _optimizer;

    public SentimentTrainer(nn.Module<Tensor, Tensor> model, InMemoryDataset train, InMemoryDataset eval, int batchSize)
    {
        _model = model;
        (_train, _eval) = (new EpochDataLoader(train, batchSize: batchSize, shuffle: true, seed: 17),
                           new EpochDataLoader(eval, batchSize: batchSize * 2));
        _optimizer = optim.AdamW(model.parameters(), 3e-5);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _model.train();
            foreach (var batch in _train) //! CMP002
            {
                _optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.forward(batch["ids"]), batch["label"]);
                loss.backward();
                _optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}: eval accuracy {Evaluate():P2}");
        }
    }

    private double Evaluate()
    {
        _model.eval();
        using var _ = no_grad();
        long hits = 0, total = 0;
        foreach (var batch in _eval)
        {
            hits += _model.forward(batch["ids"]).argmax(-1).eq(batch["label"]).sum().item<long>();
            total += batch["label"].shape[0];
        }
        return total == 0 ? 0 : (double)hits / total;
    }

    public void Dispose()
    {
        _train.Dispose();
        _eval.Dispose();
    }
}
