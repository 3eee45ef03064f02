// Scenario: a sentiment classifier whose train and dev loaders both draw from a length-grouped batch sampler of the user's (epoch-aware); the train loader's epoch is set on the whole loader at the top of every pass of an early-stopping while loop, and the dev sampler is built with shuffle: false so its fixed order needs no epoch (right, no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Domains.TextClassificationBucketsCorrect;

public sealed record SentimentRunOptions(int BatchSize = 32, int MaxEpochs = 20, int Patience = 3, int Seed = 13);

/// <summary>Sorts indices by length inside pools of 50 batches (as in AllenNLP's bucket iterator),
/// so that padding is small; with shuffle the pools and batch order change with the epoch.</summary>
public sealed class SentimentLengthGroupedSampler : IBatchSampler, IEpochAware
{
    private readonly IReadOnlyList<int> _lengths;
    private readonly int _batchSize;
    private readonly bool _shuffle;
    private readonly int _seed;
    private int _epoch;

    public SentimentLengthGroupedSampler(IReadOnlyList<int> lengths, int batchSize, bool shuffle, int seed = 0)
    {
        _lengths = lengths;
        _batchSize = batchSize;
        _shuffle = shuffle;
        _seed = seed;
    }

    public long Count => (_lengths.Count + _batchSize - 1) / _batchSize;

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long[]> GetEnumerator()
    {
        var indices = Enumerable.Range(0, _lengths.Count).Select(i => (long)i).ToArray();
        var rng = new Random(_seed + 100_003 * _epoch);
        if (_shuffle) rng.Shuffle(indices);
        var batches = indices.Chunk(_batchSize * 50)
            .SelectMany(pool => pool.OrderBy(i => _lengths[(int)i]).Chunk(_batchSize))
            .ToArray();
        if (_shuffle) rng.Shuffle(batches);
        return ((IEnumerable<long[]>)batches).GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class SentimentExperiment : IDisposable
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _dev;
    private readonly SentimentRunOptions _options;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public SentimentExperiment(InMemoryDataset train, int[] trainLengths, InMemoryDataset dev, int[] devLengths, SentimentRunOptions options)
    {
        _options = options;
        _train = new EpochDataLoader(train,
            batchSampler: new SentimentLengthGroupedSampler(trainLengths, options.BatchSize, shuffle: true, seed: options.Seed));
        _dev = new EpochDataLoader(dev,
            batchSampler: new SentimentLengthGroupedSampler(devLengths, options.BatchSize * 4, shuffle: false));
        _model = new SentimentMeanPoolClassifier(vocab: 30_000, dim: 100, classes: 2);
        _optimizer = optim.Adam(_model.parameters(), lr: 2e-3);
    }

    public double Fit()
    {
        double bestAccuracy = 0;
        int epoch = 0, badEpochs = 0;
        Console.WriteLine($"{_train.BatchSampler.Count} train batches per epoch");
        while (epoch < _options.MaxEpochs && badEpochs < _options.Patience)
        {
            _train.SetEpoch(epoch);
            _model.train();
            foreach (var batch in _train)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.call(batch["tokens"]), batch["label"]);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
            }

            _model.eval();
            long correct = 0, total = 0;
            using (torch.no_grad())
            {
                foreach (var batch in _dev)
                {
                    using var scope = torch.NewDisposeScope();
                    correct += _model.call(batch["tokens"]).argmax(1).eq(batch["label"]).sum().item<long>();
                    total += batch["label"].shape[0];
                }
            }

            double accuracy = (double)correct / total;
            if (accuracy > bestAccuracy) { bestAccuracy = accuracy; badEpochs = 0; }
            else badEpochs++;
            Console.WriteLine($"epoch {epoch}: dev accuracy {accuracy:P2}");
            epoch++;
        }
        return bestAccuracy;
    }

    public void Dispose()
    {
        _train.Dispose();
        _dev.Dispose();
    }
}

public sealed class SentimentMeanPoolClassifier : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Embedding _embed;
    private readonly TorchSharp.Modules.Linear _out;

    public SentimentMeanPoolClassifier(long vocab, long dim, long classes) : base(nameof(SentimentMeanPoolClassifier))
    {
        _embed = nn.Embedding(vocab, dim, padding_idx: 0);
        _out = nn.Linear(dim, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor tokens)
    {
        var mask = tokens.ne(0).unsqueeze(-1).to_type(ScalarType.Float32);
        return _out.call((_embed.call(tokens) * mask).sum(1) / mask.sum(1).clamp_min(1));
    }
}
