// Scenario: a curriculum loop that rebuilds a shuffling loader on a growing subset every epoch, always with the same seed field - wrong, CMP002 (rebuilt with a fixed seed, epoch never set).
using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Lab.Blind17.Curriculum;

public sealed class CurriculumLoop
{
    private readonly InMemoryDataset _sortedByDifficulty;
    private readonly int _seed;

    public CurriculumLoop(InMemoryDataset sortedByDifficulty, int seed)
    {
        _sortedByDifficulty = sortedByDifficulty;
        _seed = seed;
    }

    public void Train(ComposerModel model, optim.Optimizer optimizer, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var stage = Stage(epoch, epochs);
            using var loader = new EpochDataLoader(stage, batchSize: 64, shuffle: true, seed: _seed);
            foreach (var batch in loader) //! CMP002
            {
                optimizer.zero_grad();
                model.Loss(model.Forward(batch), batch).backward();
                optimizer.step();
            }
        }
    }

    private InMemoryDataset Stage(int epoch, int epochs)
    {
        long n = Math.Max(1, _sortedByDifficulty.Count * (epoch + 1) / epochs);
        return new InMemoryDataset(_sortedByDifficulty.Columns.ToDictionary(c => c.Key, c => c.Value.narrow(0, 0, n)));
    }
}
