using Composer.Data;
using static TorchSharp.torch;

namespace MultiTask;

public sealed class MultiTaskTrainer(nn.Module<Tensor, Tensor> backbone, IReadOnlyDictionary<string, nn.Module<Tensor, Tensor>> heads, optim.Optimizer optimizer)
{
    /// <summary>Raised before each task's loader is read in an epoch; subscribers may reshuffle it.</summary>
    public event Action<EpochDataLoader, int>? EpochStarting;

    public void Fit(IReadOnlyList<TaskSpec> tasks, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var task in tasks)
            {
                EpochStarting?.Invoke(task.Loader, epoch);
                foreach (var batch in task.Loader)
                    Step(task.Name, batch, task.Weight);
            }
        }
    }

    /// <summary>Main task plus an auxiliary stream drawn in lock-step.</summary>
    public void FitWithAux(EpochDataLoader main, InMemoryDataset auxData, int epochs)
    {
        using var aux = new EpochDataLoader(auxData, batchSize: 16, shuffle: true, seed: 9);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            main.SetEpoch(epoch);
            foreach (var (m, a) in main.Zip(aux)) //! CMP002 on aux (shuffle: true, never set); main is handled
            {
                Step("cls", m, 1.0);
                Step("aux", a, 0.1);
            }
        }
    }

    private void Step(string head, Dictionary<string, Tensor> batch, double weight)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var features = backbone.call(batch["data"]);
        var output = heads[head].call(features);
        var loss = head == "cls"
            ? nn.functional.cross_entropy(output, batch["label"])
            : nn.functional.mse_loss(output, batch["label"]);
        (loss * weight).backward();
        optimizer.step();
    }
}
