// Scenario: HuggingFace Accelerate ported: accelerator.Prepare wraps the loader in a DataLoaderShard that sets the next epoch on the inner loader at every enumeration (accelerate's iteration counter), so the training script iterates the prepared loader without calling set_epoch itself — correct.
using System.Collections;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.AccelerateStylePrepare;

internal sealed class DataLoaderShard(EpochDataLoader inner) : IDataLoader<Dictionary<string, Tensor>>
{
    private int _iteration;

    public long? Count => inner.Count;
    public IBatchSampler? BatchSampler => inner.BatchSampler;
    public long? DatasetLength => inner.Dataset.Count;

    public void SetEpoch(int epoch) => _iteration = epoch;

    public IEnumerable<Dictionary<string, Tensor>> IterateFrom(long firstBatch)
    {
        inner.SetEpoch(_iteration);
        foreach (var batch in inner.IterateFrom(firstBatch))
            yield return batch;
        _iteration++;
    }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() => IterateFrom(0).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class Accelerator
{
    private GradientAllReducer? _reducer;

    public int ProcessIndex => Dist.Rank;
    public int NumProcesses => Dist.WorldSize;
    public bool IsMainProcess => ProcessIndex == 0;

    public IDataLoader<Dictionary<string, Tensor>> Prepare(InMemoryDataset dataset, int batchSize, bool shuffle, int seed = 0) =>
        new DataLoaderShard(new EpochDataLoader(dataset, batchSize,
            sampler: new DistributedSampler(dataset.Count, NumProcesses, ProcessIndex, shuffle: shuffle, seed: seed)));

    public nn.Module<Tensor, Tensor> Prepare(nn.Module<Tensor, Tensor> model)
    {
        _reducer = new GradientAllReducer(model);
        _reducer.BroadcastParameters();
        return model;
    }

    public void Backward(Tensor loss)
    {
        loss.backward();
        _reducer?.AverageGradients();
    }
}

public static class NlpExample
{
    public static void TrainingFunction(InMemoryDataset trainSet, InMemoryDataset evalSet, int numEpochs = 3, int batchSize = 16)
    {
        var accelerator = new Accelerator();
        var model = accelerator.Prepare(nn.Sequential(nn.Embedding(30522, 128), nn.Flatten(), nn.Linear(128 * 64, 2)));
        var optimizer = optim.AdamW(model.parameters(), 2e-5);
        var trainDataloader = accelerator.Prepare(trainSet, batchSize, shuffle: true, seed: 42);
        var evalDataloader = accelerator.Prepare(evalSet, batchSize * 2, shuffle: false);

        for (int epoch = 0; epoch < numEpochs; epoch++)
        {
            model.train();
            foreach (var batch in trainDataloader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.call(batch["input_ids"]), batch["labels"]);
                accelerator.Backward(loss);
                optimizer.step();
                optimizer.zero_grad();
            }

            model.eval();
            long correct = 0;
            using (no_grad())
            {
                foreach (var batch in evalDataloader)
                    correct += model.call(batch["input_ids"]).argmax(-1).eq(batch["labels"]).sum().item<long>();
            }
            if (accelerator.IsMainProcess) Console.WriteLine($"epoch {epoch}: correct {correct}");
        }
    }
}
