// Scenario: a mean-teacher trainer subscribes both loaders' SetEpoch to its own EpochStarting event in the constructor and raises the event at the top of every epoch before zipping them: correct (wiring in the field's type).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wrappers.MeanTeacher;

public sealed class MeanTeacherTrainer : IDisposable
{
    public event Action<int>? EpochStarting;

    private readonly EpochDataLoader _labelled;
    private readonly EpochDataLoader _unlabelled;
    private readonly nn.Module<Tensor, Tensor> _student;
    private readonly nn.Module<Tensor, Tensor> _teacher;

    public MeanTeacherTrainer(InMemoryDataset labelled, InMemoryDataset unlabelled, nn.Module<Tensor, Tensor> student, nn.Module<Tensor, Tensor> teacher, int seed)
    {
        _labelled = new EpochDataLoader(labelled, batchSize: 32, shuffle: true, seed: seed);
        _unlabelled = new EpochDataLoader(unlabelled,
            batchSampler: new BatchSampler(new RandomSampler(unlabelled.Count, seed: seed + 1), 96, dropLast: true));
        _student = student;
        _teacher = teacher;
        EpochStarting += _labelled.SetEpoch;
        EpochStarting += _unlabelled.SetEpoch;
    }

    public void Fit(int epochs, double emaDecay = 0.999)
    {
        var optimizer = optim.Adam(_student.parameters(), 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarting?.Invoke(epoch);
            foreach (var (x, u) in _labelled.Zip(_unlabelled))
            {
                using var scope = NewDisposeScope();
                Tensor target;
                using (no_grad()) target = nn.functional.softmax(_teacher.call(u["data"]), 1);
                var consistency = nn.functional.mse_loss(nn.functional.softmax(_student.call(u["data"]), 1), target);
                var supervised = nn.functional.cross_entropy(_student.call(x["data"]), x["label"]);
                optimizer.zero_grad();
                (supervised + consistency).backward();
                optimizer.step();
                using (no_grad())
                {
                    foreach (var (t, s) in _teacher.parameters().Zip(_student.parameters()))
                        t.mul_(emaDecay).add_(s, alpha: 1 - emaDecay);
                }
            }
        }
    }

    public void Dispose()
    {
        _labelled.Dispose();
        _unlabelled.Dispose();
    }
}
