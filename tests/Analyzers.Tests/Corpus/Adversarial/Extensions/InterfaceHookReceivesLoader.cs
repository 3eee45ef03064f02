// Scenario: a hand-written loop that hands its shuffling loader to pluggable IEpochHook implementations (one of them sets its epoch) before iterating - correct per the pages, no finding (loader passed to a method not in view).
using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Lab.Blind17.Hooks;

public interface IEpochHook
{
    void BeforeEpoch(EpochDataLoader loader, int epoch);
}

public sealed class DistillationLoop
{
    private readonly IReadOnlyList<IEpochHook> _hooks;

    public DistillationLoop(IReadOnlyList<IEpochHook> hooks) => _hooks = hooks;

    public void Distill(InMemoryDataset data, ComposerModel student, ComposerModel teacher, optim.Optimizer optimizer, int epochs)
    {
        using var train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 99);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var hook in _hooks) hook.BeforeEpoch(train, epoch);
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                Tensor target;
                using (no_grad()) target = teacher.Forward(batch).softmax(1);
                optimizer.zero_grad();
                var logits = student.Forward(batch);
                nn.functional.kl_div(logits.log_softmax(1), target, reduction: nn.Reduction.Mean).backward();
                optimizer.step();
            }
        }
    }
}
