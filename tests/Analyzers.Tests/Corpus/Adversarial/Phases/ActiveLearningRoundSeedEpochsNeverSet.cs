// Scenario: active learning; the labelled-set loader is rebuilt each round with seed 100 + round, then trained for several epochs without any SetEpoch — the per-round seed does not reshuffle the epochs inside a round: wrong (CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.ActiveLearning;

public sealed class UncertaintySamplingLoop
{
    private readonly Tensor _poolX;
    private readonly Tensor _poolY;
    private readonly List<long> _labelled = new();

    public UncertaintySamplingLoop(Tensor poolX, Tensor poolY, IEnumerable<long> seedIndices)
    {
        _poolX = poolX;
        _poolY = poolY;
        _labelled.AddRange(seedIndices);
    }

    public void Run(nn.Module<Tensor, Tensor> model, int rounds, int epochsPerRound, int queryBudget)
    {
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        for (int round = 0; round < rounds; round++)
        {
            using var idx = tensor(_labelled.ToArray());
            using var labelled = new InMemoryDataset(new Dictionary<string, Tensor>
            {
                ["data"] = _poolX.index_select(0, idx),
                ["label"] = _poolY.index_select(0, idx),
            });
            // a fresh seed per round "so every round sees a new order"
            using var train = new EpochDataLoader(labelled, batchSize: 32, shuffle: true, seed: 100 + round);

            model.train();
            for (int epoch = 0; epoch < epochsPerRound; epoch++)
            {
                double total = 0;
                foreach (var batch in train) //! CMP002
                {
                    optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                    total += loss.item<float>();
                }
                Console.WriteLine($"round {round} epoch {epoch}: loss {total / train.Count:F4} on {_labelled.Count} labels");
            }

            Query(model, queryBudget);
        }
    }

    // Max-entropy query: label the pool samples the model is least sure about.
    private void Query(nn.Module<Tensor, Tensor> model, int budget)
    {
        model.eval();
        using var noGrad = no_grad();
        using var probs = nn.functional.softmax(model.call(_poolX), 1);
        using var entropy = -(probs * (probs + 1e-8).log()).sum(1);
        var taken = new HashSet<long>(_labelled);
        var order = entropy.argsort(descending: true).data<long>().ToArray();
        _labelled.AddRange(order.Where(i => !taken.Contains(i)).Take(budget));
    }
}
