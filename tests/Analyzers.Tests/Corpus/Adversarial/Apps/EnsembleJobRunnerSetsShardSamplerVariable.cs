// Scenario: an ensemble job runner trains one member per queued job on its own DistributedSampler shard wrapped in a BatchSampler, and sets the epoch on the shard sampler variable the loader was built from, every epoch — correct, no diagnostic.
using System.Collections.Concurrent;
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Credit.Ensemble;

public sealed record MemberJob(int MemberIndex, int MemberCount, int Epochs, float LearningRate);

public sealed class RiskMember : nn.Module<Tensor, Tensor>
{
    private readonly Linear _hidden = nn.Linear(52, 96);
    private readonly Linear _logit = nn.Linear(96, 1);

    public RiskMember() : base(nameof(RiskMember)) => RegisterComponents();

    public override Tensor forward(Tensor x) => _logit.forward(nn.functional.leaky_relu(_hidden.forward(x), 0.05)).squeeze(-1);
}

public sealed class EnsembleJobRunner
{
    private readonly BlockingCollection<MemberJob> _jobs = new(boundedCapacity: 32);
    private readonly ConcurrentBag<(int Member, RiskMember Model)> _members = new();
    private readonly InMemoryDataset _applications;

    public EnsembleJobRunner(InMemoryDataset applications) => _applications = applications;

    public void Submit(MemberJob job) => _jobs.Add(job);

    public void Complete() => _jobs.CompleteAdding();

    public IReadOnlyCollection<(int Member, RiskMember Model)> Members => _members;

    // Run one of these per CPU socket; each takes jobs until the queue is completed.
    public void Work(CancellationToken ct)
    {
        foreach (var job in _jobs.GetConsumingEnumerable(ct))
            _members.Add((job.MemberIndex, TrainMember(job, ct)));
    }

    private RiskMember TrainMember(MemberJob job, CancellationToken ct)
    {
        // each member sees a different slice of the applications, reshuffled every epoch
        var shard = new DistributedSampler(_applications.Count, numReplicas: job.MemberCount, rank: job.MemberIndex, seed: 11);
        using var loader = new EpochDataLoader(_applications, batchSampler: new BatchSampler(shard, 32, dropLast: true));

        var model = new RiskMember();
        var optimizer = optim.Adam(model.parameters(), lr: job.LearningRate);
        var bce = nn.BCEWithLogitsLoss();

        for (int epoch = 0; epoch < job.Epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            shard.SetEpoch(epoch);

            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = bce.forward(model.forward(batch["data"]), batch["label"].to_type(ScalarType.Float32));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }

        return model;
    }
}
