// Scenario: a library routine receives a DistributedSampler parameter, builds the loader from it, and trains a fixed number of accumulated steps per epoch with loader.Take(stepsPerEpoch) without ever setting the sampler's epoch (CMP002 on the Take call).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Library.Training;

public static class FixedStepEpochs
{
    public static void Train(InMemoryDataset data, DistributedSampler sampler, Sequential model,
        int epochs, int stepsPerEpoch, int accumulation = 4)
    {
        var loader = new EpochDataLoader(data, 32, sampler: sampler, dropLast: true);
        var opt = optim.Adam(model.parameters(), lr: 1e-4);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            int micro = 0;
            opt.zero_grad();
            foreach (var batch in loader.Take(stepsPerEpoch * accumulation)) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]) / accumulation;
                loss.backward();
                if (++micro % accumulation == 0)
                {
                    reducer.AverageGradients();
                    opt.step();
                    opt.zero_grad();
                }
            }
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: {micro / accumulation} optimizer steps on rank 0 of {sampler.NumReplicas}");
        }
    }
}
