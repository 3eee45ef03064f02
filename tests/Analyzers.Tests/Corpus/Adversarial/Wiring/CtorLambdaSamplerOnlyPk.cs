// Scenario: a reshuffler object subscribes, in its constructor, a lambda that sets the epoch only on loader.Sampler of a loader it is given, and Program gives it a P×K loader built from a ClassBalancedBatchSampler — wrong, CMP001 on the setter inside the subscribed lambda
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.CtorLambdaSamplerOnlyPk;

public sealed class EpochClock
{
    public event Action<int>? Tick;

    public void Advance(int epoch) => Tick?.Invoke(epoch);
}

public sealed class SamplerReshuffler
{
    public SamplerReshuffler(EpochDataLoader loader, EpochClock clock)
    {
        clock.Tick += epoch =>
        {
            if (loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); //! CMP001
        };
    }
}

public static class MetricLearning
{
    public static void TrainEpoch(EpochDataLoader loader, nn.Module<Tensor, Tensor> embed, optim.Optimizer optimizer)
    {
        foreach (var batch in loader)
        {
            using var scope = torch.NewDisposeScope();
            var z = nn.functional.normalize(embed.forward(batch["data"]), dim: 1);
            var sameClass = batch["label"].unsqueeze(0).eq(batch["label"].unsqueeze(1)).to_type(ScalarType.Float32);
            var similarity = z.matmul(z.t());
            var loss = nn.functional.binary_cross_entropy_with_logits(similarity * 10, sameClass);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }

    public static void Main()
    {
        var labels = torch.randint(0, 20, 5000, dtype: ScalarType.Int64);
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(5000, 128),
            ["label"] = labels,
        });
        IReadOnlyList<long> classes = labels.data<long>().ToArray();
        using var pk = new EpochDataLoader(data,
            batchSampler: new ClassBalancedBatchSampler(classes, classesPerBatch: 8, samplesPerClass: 4, seed: 99));

        var clock = new EpochClock();
        _ = new SamplerReshuffler(pk, clock);
        var embed = nn.Sequential(nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 32));
        using var optimizer = optim.Adam(embed.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < 12; epoch++)
        {
            clock.Advance(epoch);
            TrainEpoch(pk, embed, optimizer);
        }
    }
}
