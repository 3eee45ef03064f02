// Scenario: a curriculum swaps the loader for the next stage's (`loader = NextStage(stage)`) every few epochs and sets the epoch on whichever loader is current, every pass; right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.CurriculumNextStageMethod;

public sealed class CurriculumTrainer
{
    private readonly IReadOnlyList<InMemoryDataset> _stages;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public CurriculumTrainer(nn.Module<Tensor, Tensor> model, IReadOnlyList<InMemoryDataset> stagesEasyToHard)
    {
        _model = model;
        _stages = stagesEasyToHard;
        _optimizer = optim.Adam(model.parameters(), lr: 1e-3);
    }

    public void Fit(int epochsPerStage)
    {
        int totalEpochs = epochsPerStage * _stages.Count;
        EpochDataLoader loader = NextStage(0);
        try
        {
            for (int epoch = 0; epoch < totalEpochs; epoch++)
            {
                if (epoch > 0 && epoch % epochsPerStage == 0)
                {
                    loader.Dispose();
                    loader = NextStage(epoch / epochsPerStage);
                    Console.WriteLine($"epoch {epoch}: curriculum stage {epoch / epochsPerStage}");
                }

                Epochs.SetEpoch(loader, epoch);
                foreach (var batch in loader)
                {
                    _optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
                    loss.backward();
                    _optimizer.step();
                }
            }
        }
        finally
        {
            loader.Dispose();
        }
    }

    // Harder stages get smaller batches.
    private EpochDataLoader NextStage(int stage) =>
        new EpochDataLoader(_stages[stage], batchSize: 128 >> Math.Min(stage, 3), shuffle: true, seed: 100 + stage);
}
