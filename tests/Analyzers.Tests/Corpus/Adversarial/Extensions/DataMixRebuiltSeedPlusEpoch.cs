// Scenario: a data-mixing loop that rebuilds its shuffling loader every epoch from a new mixture, seeded baseSeed + epoch - correct, no finding (rebuilt with a changing seed).
using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Lab.Blind17.DataMixing;

public sealed class MixtureTrainer
{
    private readonly InMemoryDataset _web;
    private readonly InMemoryDataset _books;
    private readonly int _baseSeed;

    public MixtureTrainer(InMemoryDataset web, InMemoryDataset books, int baseSeed)
    {
        _web = web;
        _books = books;
        _baseSeed = baseSeed;
    }

    public void Train(ComposerModel model, optim.Optimizer optimizer, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double bookShare = Math.Min(0.5, 0.1 * (epoch + 1));
            using var mixture = Mix(bookShare);
            using var loader = new EpochDataLoader(mixture, batchSize: 64, shuffle: true, seed: _baseSeed + epoch);
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                model.Loss(model.Forward(batch), batch).backward();
                optimizer.step();
            }
        }
    }

    private InMemoryDataset Mix(double bookShare)
    {
        long books = (long)(_books.Count * bookShare);
        return new InMemoryDataset(_web.Columns.ToDictionary(
            c => c.Key,
            c => cat(new[] { c.Value, _books.Columns[c.Key].narrow(0, 0, books) }, 0)));
    }
}
