// Scenario: timm's train.py ported with its RepeatAugSampler as a sampler class of the user's own; each epoch the loader's Sampler is tested for that type and told the epoch, as timm does with hasattr(loader_train.sampler, 'set_epoch'); the loader has no batch sampler, so setting its Sampler is right — correct.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.TimmTrainCustomSampler;

/// <summary>timm.data.distributed_sampler.RepeatAugSampler: each index repeated, then subsampled, reshuffled per epoch.</summary>
public sealed class RepeatAugSampler : ISampler
{
    private readonly long _length;
    private readonly int _numRepeats;
    private readonly int _seed;
    private int _epoch;

    public RepeatAugSampler(long length, int numRepeats = 3, int seed = 0)
    {
        _length = length;
        _numRepeats = numRepeats;
        _seed = seed;
    }

    public long Count => _length;

    public void set_epoch(int epoch) => _epoch = epoch;

    public IEnumerator<long> GetEnumerator()
    {
        var rng = new Random(_seed + _epoch);
        var order = Enumerable.Range(0, (int)_length).OrderBy(_ => rng.Next()).ToArray();
        return order.SelectMany(i => Enumerable.Repeat((long)i, _numRepeats)).Take((int)_length).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed record TimmArgs(int BatchSize, int Epochs, double Lr, int AugRepeats, int Seed, string? Resume, int Workers = 4);

public static class TimmTrain
{
    public static void Run(TimmArgs args, InMemoryDataset datasetTrain, InMemoryDataset datasetEval, nn.Module<Tensor, Tensor> model)
    {
        var loaderTrain = new EpochDataLoader(datasetTrain, batchSize: args.BatchSize,
            sampler: new RepeatAugSampler(datasetTrain.Count, args.AugRepeats, args.Seed), dropLast: true, workers: args.Workers);
        var loaderEval = new EpochDataLoader(datasetEval, batchSize: args.BatchSize * 2);

        var optimizer = optim.AdamW(model.parameters(), args.Lr, weight_decay: 0.05);
        int startEpoch = args.Resume is null ? 0 : ResumeCheckpoint(model, args.Resume) + 1;
        double bestMetric = double.NegativeInfinity;

        for (int epoch = startEpoch; epoch < args.Epochs; epoch++)
        {
            if (loaderTrain.Sampler is RepeatAugSampler ras) ras.set_epoch(epoch);

            model.train();
            foreach (var (batch, batchIdx) in loaderTrain.Select((b, i) => (b, i)))
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.call(batch["image"]), batch["label"], label_smoothing: 0.1);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                if (batchIdx % 50 == 0) Console.WriteLine($"Train: {epoch} [{batchIdx}/{loaderTrain.Count}] loss {loss.item<float>():F4}");
            }

            double top1 = Validate(model, loaderEval);
            if (top1 > bestMetric)
            {
                bestMetric = top1;
                model.save($"model_best_{epoch}.pth");
            }
        }
    }

    private static double Validate(nn.Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        model.eval();
        long correct = 0, total = 0;
        using var noGrad = no_grad();
        foreach (var batch in loader)
        {
            correct += model.call(batch["image"]).argmax(1).eq(batch["label"]).sum().item<long>();
            total += batch["label"].shape[0];
        }
        return 100.0 * correct / Math.Max(1, total);
    }

    private static int ResumeCheckpoint(nn.Module<Tensor, Tensor> model, string path)
    {
        model.load(path);
        return int.Parse(File.ReadAllText(path + ".epoch"));
    }
}
