// Scenario: FixMatch-style self-training where each round is exactly one epoch: the pseudo-labelled loader is rebuilt every round with seed BaseSeed + round and iterated once, so each round gets a new order without SetEpoch: right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.SelfTraining;

public sealed class OneEpochRounds
{
    private const int BaseSeed = 9000;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly float _threshold;

    public OneEpochRounds(nn.Module<Tensor, Tensor> model, float threshold = 0.95f)
    {
        _model = model;
        _threshold = threshold;
    }

    public void Run(Tensor labelledX, Tensor labelledY, Tensor unlabelledX, int rounds)
    {
        using var optimizer = optim.SGD(_model.parameters(), 0.03, momentum: 0.9, nesterov: true);

        for (int round = 0; round < rounds; round++)
        {
            var (x, y) = WithPseudoLabels(labelledX, labelledY, unlabelledX);
            using var set = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = y });
            using var loader = new EpochDataLoader(set, batchSize: 64, shuffle: true, seed: BaseSeed + round, dropLast: true);

            _model.train();
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"round {round}: {x.shape[0] - labelledX.shape[0]} pseudo-labelled samples");
        }
    }

    private (Tensor X, Tensor Y) WithPseudoLabels(Tensor labelledX, Tensor labelledY, Tensor unlabelledX)
    {
        _model.eval();
        using var noGrad = no_grad();
        var probs = nn.functional.softmax(_model.call(unlabelledX), 1);
        var (conf, pred) = probs.max(1);
        var keep = conf.ge(_threshold);
        return (cat(new[] { labelledX, unlabelledX[keep] }, 0), cat(new[] { labelledY, pred[keep] }, 0));
    }
}
