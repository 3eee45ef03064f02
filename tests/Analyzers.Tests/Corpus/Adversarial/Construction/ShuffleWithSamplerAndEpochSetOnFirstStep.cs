// Scenario: A loader is built with both a DistributedSampler and shuffle: true (bug: CMP006), and its sampler's epoch is set on the first step inside the LINQ-indexed iteration of that same loader, one epoch too late (bug: CMP005).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace LateEpoch;

public sealed class StepwiseTrainer(nn.Module<Tensor, Tensor> model, int logEvery = 100)
{
    public void Fit(InMemoryDataset data, int epochs)
    {
        var sampler = new DistributedSampler(data.Count, seed: 3);
        using var loader = new EpochDataLoader(data, 64, shuffle: true, sampler: sampler); //! CMP006
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
        var warmup = optim.lr_scheduler.LinearLR(optimizer, start_factor: 0.1, end_factor: 1.0, total_iters: 500);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            foreach (var (batch, step) in loader.Select((b, i) => (b, i)))
            {
                if (step == 0) sampler.SetEpoch(epoch); //! CMP005

                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
                warmup.step();
                if (step % logEvery == 0 && Dist.Rank == 0)
                    Console.WriteLine($"epoch {epoch} step {step}: {loss.item<float>():F4}");
            }
        }
    }
}
