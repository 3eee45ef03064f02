// Scenario: a pretraining run object holds a distributed loader; the loop sets the epoch through a nested pattern `run is { Loader: { Sampler: IEpochAware s } }`, which the analysis does not trace back to run.Loader, so the loader counts as never set (CMP002 at the iteration, no CMP001 at the setter; wrong code either way: Sampler is sequential).
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
            if (run is { Loader: { Sampler: IEpochAware s } }) s.SetEpoch(epoch);

            float last = 0;
            foreach (var batch in run.Loader) //! CMP002
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
