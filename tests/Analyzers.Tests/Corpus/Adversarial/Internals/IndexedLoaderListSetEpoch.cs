// Scenario: a curriculum of stage loaders is walked by index each epoch; each stage's loader (`var stage = _stages[i]`) is given the epoch and then iterated; right (the index loop picks a loader per pass, so the loop around it is the epoch loop).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.IndexedLoaderListSetEpoch;

public sealed class StagedTrainer
{
    private readonly List<EpochDataLoader> _stages = [];
    private readonly double[] _stageWeights;

    public StagedTrainer(IReadOnlyList<InMemoryDataset> stageData, int batchSize)
    {
        foreach (var data in stageData)
            _stages.Add(new EpochDataLoader(data, batchSize: batchSize, shuffle: true, seed: 3));
        _stageWeights = Enumerable.Range(0, stageData.Count).Select(i => 1.0 / (i + 1)).ToArray();
    }

    public void Fit(nn.Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = optim.Adam(model.parameters(), 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            for (int i = 0; i < _stages.Count; i++)
            {
                var stage = _stages[i];
                stage.SetEpoch(epoch);
                foreach (var batch in stage)
                {
                    optimizer.zero_grad();
                    using var loss = nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]) * _stageWeights[i];
                    loss.backward();
                    optimizer.step();
                }
            }
            Console.WriteLine($"epoch {epoch}: {_stages.Count} stages");
        }
    }
}
