// Scenario: an Experiment class delegates to a private nested Runner that builds its loader with `sampler:` (a DistributedSampler, no batch sampler) and sets the epoch through a cast of loader.Sampler each epoch (right: without a batch sampler the loader batches that very sampler).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.NestedRunnerSamplerOnlyNoBatchSampler;

public sealed class Experiment
{
    private readonly Runner _runner;

    public Experiment(InMemoryDataset data, nn.Module<Tensor, Tensor> model, int rank, int world) =>
        _runner = new Runner(data, model, rank, world);

    public void Run(int epochs)
    {
        var losses = _runner.Fit(epochs);
        Console.WriteLine(string.Join(", ", losses.Select(l => l.ToString("F3"))));
    }

    private sealed class Runner
    {
        private readonly EpochDataLoader _loader;
        private readonly nn.Module<Tensor, Tensor> _model;
        private readonly optim.Optimizer _optimizer;

        public Runner(InMemoryDataset data, nn.Module<Tensor, Tensor> model, int rank, int world)
        {
            _model = model;
            _optimizer = optim.Adam(model.parameters(), lr: 1e-3);
            _loader = new EpochDataLoader(data, batchSize: 32,
                sampler: new DistributedSampler(data.Count, numReplicas: world, rank: rank, seed: 99), dropLast: true);
        }

        public List<double> Fit(int epochs)
        {
            var losses = new List<double>();
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                ((DistributedSampler)_loader.Sampler).SetEpoch(epoch);
                double total = 0;
                foreach (var batch in _loader)
                {
                    _optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
                    loss.backward();
                    _optimizer.step();
                    total += loss.item<float>();
                }
                losses.Add(total / Math.Max(1, _loader.Count));
            }
            return losses;
        }
    }
}
