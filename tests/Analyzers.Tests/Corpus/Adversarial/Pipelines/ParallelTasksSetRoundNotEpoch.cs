// Scenario: federated-style rounds where Parallel.ForEach trains every task's loader for a few local epochs, but each local epoch sets the loader to the round number, so all local epochs of a round share one order — wrong (CMP004).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Tailspin.MultiTask;

public sealed record TaskSpec(string Name, EpochDataLoader Loader, nn.Module<Tensor, Tensor> Head, int LocalEpochs);

public sealed class RoundBasedMultiTaskTrainer(nn.Module<Tensor, Tensor> backbone, IReadOnlyList<TaskSpec> tasks)
{
    private readonly object _sync = new();

    public void Train(int rounds, CancellationToken ct)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Min(4, tasks.Count), CancellationToken = ct };

        for (int round = 0; round < rounds; round++)
        {
            var losses = new Dictionary<string, double>();

            Parallel.ForEach(tasks, options, task =>
            {
                var loader = task.Loader;
                var optimizer = optim.SGD(task.Head.parameters(), learningRate: 0.01);
                var lossFn = nn.CrossEntropyLoss();
                double last = 0;

                for (int localEpoch = 0; localEpoch < task.LocalEpochs; localEpoch++)
                {
                    loader.SetEpoch(round); //! CMP004
                    foreach (var batch in loader)
                    {
                        using var scope = torch.NewDisposeScope();
                        Tensor features;
                        using (torch.no_grad()) features = backbone.call(batch["data"]);
                        optimizer.zero_grad();
                        var loss = lossFn.call(task.Head.call(features), batch["label"]);
                        loss.backward();
                        optimizer.step();
                        last = loss.item<float>();
                    }
                }

                lock (_sync) losses[task.Name] = last;
            });

            Console.WriteLine($"round {round}: " + string.Join(", ", losses.Select(kv => $"{kv.Key}={kv.Value:F3}")));
        }
    }
}
