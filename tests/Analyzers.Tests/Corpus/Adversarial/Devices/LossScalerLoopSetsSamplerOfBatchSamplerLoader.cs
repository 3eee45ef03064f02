// Scenario: mixed-precision training with a hand-written dynamic loss scaler; the loader draws from a BatchSampler over a DistributedSampler, yet the loop sets the epoch only through loader.Sampler — wrong (CMP001).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Vision.Training;

/// <summary>Dynamic loss scaling as in apex/amp: grow the scale after a run of finite steps, halve it on overflow.</summary>
public sealed class DynamicLossScaler(float initialScale = 65536f, int growthInterval = 2000)
{
    private int _goodSteps;
    public float Scale { get; private set; } = initialScale;

    public Tensor ScaleLoss(Tensor loss) => loss * Scale;

    /// <summary>Unscales the gradients in place; returns false (and skips the step) when any is inf or NaN.</summary>
    public bool UnscaleAndCheck(IEnumerable<Tensor> gradients)
    {
        bool finite = true;
        using var noGrad = no_grad();
        foreach (var g in gradients)
        {
            g.div_(Scale);
            if (!g.isfinite().all().item<bool>()) finite = false;
        }
        if (!finite) { Scale /= 2f; _goodSteps = 0; return false; }
        if (++_goodSteps % growthInterval == 0) Scale *= 2f;
        return true;
    }
}

public static class HalfPrecisionRun
{
    public static void Main()
    {
        var device = cuda.is_available() ? new Device(DeviceType.CUDA, Dist.LocalRank % Math.Max(1, cuda.device_count())) : CPU;
        var dtype = device.type == DeviceType.CUDA ? ScalarType.Float16 : ScalarType.Float32;

        var data = new FashionMnist();
        var shard = new DistributedSampler(data.Count, seed: 17);
        using var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 256, dropLast: true), device: device);

        var model = nn.Sequential(nn.Conv2d(1, 32, 3, padding: 1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 10));
        model.to(device, dtype);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.05, momentum: 0.9);
        var scaler = new DynamicLossScaler();
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        for (int epoch = 0; epoch < 20; epoch++)
        {
            // Reshuffle the shard for this epoch.
            if (loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); //! CMP001

            int skipped = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var logits = model.call(batch["data"].to(dtype));
                var loss = nn.functional.cross_entropy(logits.to(ScalarType.Float32), batch["label"]);
                scaler.ScaleLoss(loss).backward();
                reducer.AverageGradients();
                var grads = model.parameters().Select(p => p.grad).OfType<Tensor>();
                if (scaler.UnscaleAndCheck(grads)) optimizer.step();
                else skipped++;
            }
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: loss scale {scaler.Scale}, {skipped} steps skipped on overflow");
        }
    }
}
