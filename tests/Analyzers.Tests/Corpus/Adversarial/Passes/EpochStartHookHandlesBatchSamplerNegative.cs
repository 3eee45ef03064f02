// Scenario: a trainer class that receives its loader from outside and, in an OnEpochStart hook called from a while loop, sets loader.Sampler (PyTorch habit) and also loader.BatchSampler through an `is IEpochAware` pattern — right (the batch sampler is handled).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.EpochStartHookHandlesBatchSamplerNegative;

public sealed class EmbeddingTrainer
{
    private readonly EpochDataLoader _loader;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private int _epoch;

    public EmbeddingTrainer(EpochDataLoader loader, nn.Module<Tensor, Tensor> model)
    {
        _loader = loader;
        _model = model;
        _optimizer = optim.Adam(model.parameters(), lr: 3e-4);
    }

    public void OnEpochStart(int epoch)
    {
        // what the PyTorch reference did …
        if (_loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch);
        // … and what decides a P×K loader's order
        if (_loader.BatchSampler is IEpochAware batches) batches.SetEpoch(epoch);
    }

    public void Fit(Func<int, double, bool> stop)
    {
        double last = double.MaxValue;
        while (!stop(_epoch, last))
        {
            OnEpochStart(_epoch);
            double total = 0;
            foreach (var batch in _loader)
            {
                using var scope = NewDisposeScope();
                var z = nn.functional.normalize(_model.forward(batch["data"]), 2.0, 1);
                var same = batch["label"].unsqueeze(1).eq(batch["label"].unsqueeze(0)).to_type(ScalarType.Float32);
                var loss = nn.functional.binary_cross_entropy_with_logits(z.matmul(z.t()) * 12, same);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
                total += loss.item<float>();
            }
            last = total;
            _epoch++;
        }
    }
}

public static class Program
{
    public static void Main()
    {
        var labelTensor = randint(0, 64, new long[] { 10_000 });
        using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(10_000, 80), ["label"] = labelTensor });
        var pk = new ClassBalancedBatchSampler(labelTensor.data<long>().ToArray(), classesPerBatch: 16, samplesPerClass: 4, seed: 3);
        using var loader = new EpochDataLoader(data, batchSampler: pk);
        var model = nn.Sequential(("fc1", nn.Linear(80, 160)), ("act", nn.ReLU()), ("fc2", nn.Linear(160, 48)));
        new EmbeddingTrainer(loader, model).Fit((epoch, loss) => epoch >= 40 || loss < 5.0);
    }
}
