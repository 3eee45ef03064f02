// Scenario: findings suppressed with [SuppressMessage] on a method and with an assembly-level SuppressMessage naming a member by its documentation ID; one method that nobody suppressed passes the resume epoch on every pass: wrong there - CMP004, nothing else reported.
using System.Diagnostics.CodeAnalysis;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

[assembly: SuppressMessage("Reliability", "CMP006:Loader arguments conflict", Scope = "member",
    Target = "~M:RedTeam17.SuppressMessageScopes.Loaders.LegacyPk(Composer.Data.InMemoryDataset,Composer.Data.IBatchSampler)~Composer.Data.EpochDataLoader",
    Justification = "kept to show the exception in the migration guide")]

namespace RedTeam17.SuppressMessageScopes;

public static class Loaders
{
    // Throws at run time; the migration guide shows the message.
    public static EpochDataLoader LegacyPk(InMemoryDataset data, IBatchSampler pk) =>
        new EpochDataLoader(data, batchSize: 32, batchSampler: pk);
}

public sealed class Runs(nn.Module<Tensor, Tensor> model)
{
    [SuppressMessage("Reliability", "CMP002", Justification = "fine-tuning replays epoch 0's order on purpose")]
    public void FineTune(InMemoryDataset data, int epochs)
    {
        var loader = new EpochDataLoader(data, batchSize: 16, shuffle: true, seed: 12);
        for (int epoch = 0; epoch < epochs; epoch++)
            foreach (var batch in loader) Step(batch);
    }

    public void Resume(InMemoryDataset data, int startEpoch, int epochs)
    {
        var loader = new EpochDataLoader(data, batchSize: 16, shuffle: true, seed: 12);
        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            loader.SetEpoch(startEpoch); //! CMP004
            foreach (var batch in loader) Step(batch);
        }
    }

    private void Step(Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
    }
}
