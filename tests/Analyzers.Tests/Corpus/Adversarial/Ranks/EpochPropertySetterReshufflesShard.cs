// Scenario: DDP trainer class exposes an Epoch property whose set accessor also sets the train loader's epoch; Fit assigns `Epoch = epoch` on every rank each pass — right
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Audio;

public sealed class KeywordSpotterTrainer : IDisposable
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly GradientAllReducer _reducer;
    private readonly optim.Optimizer _optimizer;
    private readonly bool _isMainProcess;
    private int _epoch;

    public KeywordSpotterTrainer(InMemoryDataset clips, nn.Module<Tensor, Tensor> model)
    {
        _train = new EpochDataLoader(clips, batchSize: 64,
            sampler: new DistributedSampler(clips.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 12));
        _model = model;
        _reducer = new GradientAllReducer(model);
        _reducer.BroadcastParameters();
        _optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        _isMainProcess = Dist.Rank == 0;
    }

    /// <summary>The current epoch; setting it reshuffles this rank's shard.</summary>
    public int Epoch
    {
        get => _epoch;
        set
        {
            _epoch = value;
            _train.SetEpoch(value);
        }
    }

    public void Fit(int epochs)
    {
        var ce = nn.CrossEntropyLoss();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epoch = epoch;
            _model.train();
            double total = 0;
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = ce.forward(_model.forward(batch["data"]), batch["label"]);
                loss.backward();
                _reducer.AverageGradients();
                _optimizer.step();
                total += loss.item<float>();
            }
            if (_isMainProcess)
                Console.WriteLine($"epoch {Epoch}: loss {total / _train.Count:F4}");
        }
    }

    public void Dispose()
    {
        _train.Dispose();
        _reducer.Dispose();
    }
}
