// Scenario: a file shared by two builds keeps all its `using`s in `#if TORCHSHARP_LEGACY` … `#else` … `#endif` arms, and spells the runtime's types out; it trains a loader built from a RandomSampler and never sets its epoch: wrong - CMP002. The fix adds `using Composer.Data;` for `Epochs`: by the rules page its edits stay in the branch of the finding (outside every `#if`) and touch no directive, so the `using` must not go into the `#else` arm alone (the legacy build would lose it).
#if TORCHSHARP_LEGACY
using TorchSharp;
using TorchSharp.Data;
#else
using TorchSharp;
using TorchSharp.Modules;
#endif

namespace RedTeam21.UsingsInIfElseArmsTwoTorchVersions;

public static class Trainer
{
    public static void Fit(torch.utils.data.Dataset data, torch.nn.Module<torch.Tensor, torch.Tensor> model, int epochs)
    {
        var sampler = new Composer.Data.RandomSampler(data.Count, seed: 12);
        using var train = new Composer.Data.EpochDataLoader(data, batchSize: 32, sampler: sampler);
        var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in train) //! CMP002
            {
                using var scope = torch.NewDisposeScope();
                var loss = torch.nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
