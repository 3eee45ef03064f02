// Scenario: multi-task training; each task record carries its loader, and the loop over tasks sets each task's loader epoch right before iterating it (`task.Loader.SetEpoch(epoch)`); right (the loop over tasks picks a loader per pass).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.MultiTaskRecordLoaderSetEpoch;

public sealed record TaskSpec(string Name, EpochDataLoader Loader, nn.Module<Tensor, Tensor> Head, double Weight);

public sealed class MultiTaskTrainer
{
    private readonly nn.Module<Tensor, Tensor> _encoder;
    private readonly IReadOnlyList<TaskSpec> _tasks;
    private readonly optim.Optimizer _optimizer;

    public MultiTaskTrainer(nn.Module<Tensor, Tensor> encoder, IReadOnlyList<TaskSpec> tasks)
    {
        _encoder = encoder;
        _tasks = tasks;
        var parameters = encoder.parameters().Concat(tasks.SelectMany(t => t.Head.parameters()));
        _optimizer = optim.Adam(parameters, 1e-4);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var task in _tasks)
            {
                task.Loader.SetEpoch(epoch);
                double total = 0;
                long steps = 0;
                foreach (var batch in task.Loader)
                {
                    _optimizer.zero_grad();
                    using var features = _encoder.forward(batch["x"]);
                    using var logits = task.Head.forward(features);
                    using var loss = nn.functional.cross_entropy(logits, batch["y"]) * task.Weight;
                    loss.backward();
                    _optimizer.step();
                    total += loss.item<float>();
                    steps++;
                }
                Console.WriteLine($"epoch {epoch} task {task.Name}: {(steps > 0 ? total / steps : 0):F4}");
            }
        }
    }
}
