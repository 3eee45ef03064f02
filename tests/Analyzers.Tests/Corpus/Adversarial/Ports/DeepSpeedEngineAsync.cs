// Scenario: DeepSpeed-style pretraining ported to an async method: the script builds its own loader over a DistributedSampler (DeepSpeed's data_sampler), drives it through GetEnumerator/MoveNext with cancellation and awaits an async checkpoint each epoch, but never calls set_epoch — wrong (CMP002).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.DeepSpeedEngineAsync;

public sealed record DsConfig(int TrainMicroBatchSizePerGpu, int GradientAccumulationSteps, int Epochs, int Seed, string SaveDir, int StepsPerPrint = 10);

public sealed class DeepSpeedStyleEngine(nn.Module<Tensor, Tensor> module, optim.Optimizer optimizer, int gradientAccumulationSteps) : IDisposable
{
    private readonly GradientAllReducer _reducer = new(module);
    private int _microSteps;

    public int GlobalSteps { get; private set; }

    public Tensor Forward(Tensor input) => module.call(input);

    public void Backward(Tensor loss) => (loss / gradientAccumulationSteps).backward();

    public void Step()
    {
        if (++_microSteps % gradientAccumulationSteps != 0) return;
        _reducer.AverageGradients();
        optimizer.step();
        optimizer.zero_grad();
        GlobalSteps++;
    }

    public async Task SaveCheckpointAsync(string saveDir, int tag, CancellationToken ct)
    {
        if (Dist.Rank != 0) return;
        Directory.CreateDirectory(saveDir);
        module.save(Path.Combine(saveDir, $"global_step{GlobalSteps}.pt"));
        await File.WriteAllTextAsync(Path.Combine(saveDir, "latest"), $"epoch{tag}", ct);
    }

    public void Dispose() => _reducer.Dispose();
}

public static class Pretrain
{
    public static async Task RunAsync(nn.Module<Tensor, Tensor> model, InMemoryDataset trainSet, DsConfig cfg, CancellationToken ct)
    {
        Dist.Initialize();
        var optimizer = optim.AdamW(model.parameters(), 1e-4, weight_decay: 0.01);
        using var engine = new DeepSpeedStyleEngine(model, optimizer, cfg.GradientAccumulationSteps);

        var dataSampler = new DistributedSampler(trainSet.Count, Dist.WorldSize, Dist.Rank, seed: cfg.Seed);
        using var trainLoader = new EpochDataLoader(trainSet, cfg.TrainMicroBatchSizePerGpu, sampler: dataSampler, dropLast: true, prefetch: true);

        for (int epoch = 0; epoch < cfg.Epochs; epoch++)
        {
            using var it = trainLoader.GetEnumerator(); //! CMP002
            int step = 0;
            while (it.MoveNext())
            {
                ct.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var batch = it.Current;
                var loss = nn.functional.cross_entropy(engine.Forward(batch["input_ids"]), batch["labels"]);
                engine.Backward(loss);
                engine.Step();
                if (++step % cfg.StepsPerPrint == 0 && Dist.Rank == 0)
                    Console.WriteLine($"epoch {epoch} step {step}: loss {loss.item<float>():F4}");
            }
            await engine.SaveCheckpointAsync(cfg.SaveDir, epoch, ct);
        }
    }
}
