// Scenario: multi-task training where each epoch runs Parallel.ForEach over the tasks and every task sets its own shuffling loader's epoch to the epoch before iterating it — right, nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Tailspin.MultiTask.Parallel;

public sealed class TaskRun : IDisposable
{
    public TaskRun(string name, InMemoryDataset data, int batchSize, int seed, int classes)
    {
        Name = name;
        Loader = new EpochDataLoader(data, batchSize: batchSize, shuffle: true, seed: seed, prefetch: true);
        Head = nn.Linear(128, classes);
        Optimizer = optim.Adam(Head.parameters(), lr: 1e-3);
    }

    public string Name { get; }
    public EpochDataLoader Loader { get; }
    public nn.Module<Tensor, Tensor> Head { get; }
    public optim.Optimizer Optimizer { get; }

    public void Dispose() => Loader.Dispose();
}

public static class ParallelMultiTask
{
    public static void Fit(nn.Module<Tensor, Tensor> encoder, IReadOnlyList<TaskRun> tasks, int epochs, CancellationToken ct)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount / 2, CancellationToken = ct };

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            long batches = 0;

            System.Threading.Tasks.Parallel.ForEach(tasks, options, task =>
            {
                task.Loader.SetEpoch(epoch);
                var lossFn = nn.CrossEntropyLoss();
                foreach (var batch in task.Loader)
                {
                    using var scope = torch.NewDisposeScope();
                    Tensor z;
                    using (torch.no_grad()) z = encoder.call(batch["data"]);
                    task.Optimizer.zero_grad();
                    lossFn.call(task.Head.call(z), batch["label"]).backward();
                    task.Optimizer.step();
                    Interlocked.Increment(ref batches);
                }
            });

            Console.WriteLine($"epoch {epoch}: {batches} batches over {tasks.Count} tasks");
        }
    }
}
