// Scenario: a pending epoch posted by a controller thread is applied under a lock from inside the resumed batch loop (`foreach ... in train.IterateFrom(resume)`), i.e. while the loader is being iterated (bug: CMP005).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp005LockInsideBatchLoop;

public sealed class ElasticWorker
{
    private readonly object _gate = new();
    private int? _pendingEpoch;

    public void Post(int epoch) { lock (_gate) _pendingEpoch = epoch; }

    public void Run(InMemoryDataset data, long resumeBatch, int epochs)
    {
        using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 9);
        var model = nn.Linear(8, 2);
        var opt = optim.SGD(model.parameters(), learningRate: 0.01);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in train.IterateFrom(epoch == 0 ? resumeBatch : 0))
            {
                lock (_gate)
                {
                    if (_pendingEpoch is int pending)
                    {
                        Epochs.SetEpoch(train, pending); //! CMP005
                        _pendingEpoch = null;
                    }
                }
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
        }
    }
}
