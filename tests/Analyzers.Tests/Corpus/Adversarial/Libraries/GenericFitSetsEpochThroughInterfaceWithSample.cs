// Scenario: a library's generic Fit over IDataLoader<TBatch> calls loader.SetEpoch(epoch) before each epoch, and a sample program passes it a P×K loader (right)
using Composer.Data;
using Metric.Training;
using TorchSharp;
using static TorchSharp.torch;

var embeddings = randn(1200, 32);
var labels = Enumerable.Range(0, 1200).Select(i => (long)(i % 40)).ToArray();
using var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = embeddings,
    ["label"] = tensor(labels),
});
using var pkLoader = new EpochDataLoader(data,
    batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 3));

var head = nn.Sequential(("proj", nn.Linear(32, 16)), ("norm", nn.LayerNorm(16)));
using var optimizer = optim.Adam(head.parameters(), 1e-3);
var fitter = new Fitter<Dictionary<string, Tensor>>(
    batch => nn.functional.cross_entropy(head.call(batch["data"]).matmul(head.call(batch["data"]).t()), arange(batch["data"].shape[0])),
    optimizer);
fitter.Fit(pkLoader, epochs: 5, onEpoch: (e, loss) => Console.WriteLine($"epoch {e}: {loss:F3}"));

namespace Metric.Training
{
    /// <summary>Fits any model whose loss the caller computes from a batch.</summary>
    public sealed class Fitter<TBatch>
    {
        private readonly Func<TBatch, Tensor> _loss;
        private readonly optim.Optimizer _optimizer;

        public Fitter(Func<TBatch, Tensor> loss, optim.Optimizer optimizer)
        {
            _loss = loss;
            _optimizer = optimizer;
        }

        /// <summary>
        /// Trains for <paramref name="epochs"/> epochs. The loader's epoch is set at the start of every epoch
        /// (every part of it: batch sampler, sampler, data set), so callers need not do it.
        /// </summary>
        public void Fit(IDataLoader<TBatch> loader, int epochs, Action<int, double>? onEpoch = null)
        {
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                loader.SetEpoch(epoch);
                double sum = 0;
                long n = 0;
                foreach (var batch in loader)
                {
                    using var scope = NewDisposeScope();
                    _optimizer.zero_grad();
                    var loss = _loss(batch);
                    loss.backward();
                    _optimizer.step();
                    sum += loss.item<float>();
                    n++;
                }
                onEpoch?.Invoke(epoch, n == 0 ? 0 : sum / n);
            }
        }
    }
}
