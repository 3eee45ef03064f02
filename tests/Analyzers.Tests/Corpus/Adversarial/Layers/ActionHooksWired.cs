// Scenario: a pipeline's Fit calls Wire(), which registers _train.SetEpoch as a method group and e => Epochs.SetEpoch(_aux, e) as Action<int> hooks on an epoch scheduler; the loop fires the scheduler and zips both shuffling loaders — correct, no finding
using Composer.Data;
using static TorchSharp.torch;

namespace Blind20.ActionHooksWired;

public sealed class EpochScheduler
{
    private readonly List<Action<int>> _onEpoch = new();

    public void Every(Action<int> hook) => _onEpoch.Add(hook);

    public void Fire(int epoch)
    {
        foreach (var hook in _onEpoch) hook(epoch);
    }
}

public sealed class DistillationPipeline
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _aux;
    private readonly EpochScheduler _scheduler = new();

    public DistillationPipeline(InMemoryDataset labeled, InMemoryDataset unlabeled)
    {
        _train = new EpochDataLoader(labeled, batchSize: 64, shuffle: true, seed: 1);
        _aux = new EpochDataLoader(unlabeled, batchSize: 64, sampler: new RandomSampler(unlabeled.Count, seed: 2));
    }

    public void Fit(nn.Module<Tensor, Tensor> student, nn.Module<Tensor, Tensor> teacher, int epochs)
    {
        Wire();
        var optimizer = optim.Adam(student.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _scheduler.Fire(epoch);
            foreach (var (labeled, unlabeled) in _train.Zip(_aux))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var supervised = nn.functional.cross_entropy(student.forward(labeled["data"]), labeled["label"]);
                Tensor soft;
                using (no_grad()) soft = nn.functional.softmax(teacher.forward(unlabeled["data"]), 1);
                var distill = nn.functional.kl_div(nn.functional.log_softmax(student.forward(unlabeled["data"]), 1), soft);
                (supervised + distill).backward();
                optimizer.step();
            }
        }
    }

    private void Wire()
    {
        _scheduler.Every(_train.SetEpoch);
        _scheduler.Every(e => Epochs.SetEpoch(_aux, e));
    }
}
