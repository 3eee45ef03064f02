// Scenario: a pretraining run object holds a distributed loader built from a batch sampler; the loop sets the epoch through a nested pattern `run is { Loader: { Sampler: IEpochAware s } }`, the sampler of run.Loader alone: CMP001 at the setter (wrong: Sampler is sequential). Relabelled 2026-12-06 when nested property patterns were traced back (was CMP002 at the iteration under the old limit).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind11.NestedPatternRunLoaderSampler;

public sealed class PretrainRun
{
    public string Name { get; }
    public EpochDataLoader Loader { get; }

    public PretrainRun(string name, InMemoryDataset data, int rank, int worldSize)
    {
        Name = name;
        Loader = new EpochDataLoader(data,
            batchSampler: new BatchSampler(new DistributedSampler(data.Count, numReplicas: worldSize, rank: rank, seed: 3), 128, dropLast: true));
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(16384, 64) });
        var run = new PretrainRun("denoise-ae", data, rank: 0, worldSize: 1);

        var encoder = nn.Sequential(nn.Linear(64, 16), nn.GELU());
        var decoder = nn.Linear(16, 64);
        var parameters = encoder.parameters().Concat(decoder.parameters());
        var optimizer = optim.Adam(parameters, lr: 1e-3);

        for (int epoch = 0; epoch < 20; epoch++)
        {
            if (run is { Loader: { Sampler: IEpochAware s } }) s.SetEpoch(epoch); //! CMP001

            float last = 0;
            foreach (var batch in run.Loader)
            {
                using var scope = NewDisposeScope();
                var x = batch["data"];
                var mask = rand_like(x).gt(0.25f).to_type(x.dtype);
                var recon = decoder.forward(encoder.forward(x * mask));
                var loss = nn.functional.mse_loss(recon, x);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                last = loss.item<float>();
            }
            Console.WriteLine($"{run.Name} epoch {epoch}: {last:F5}");
        }
    }
}
