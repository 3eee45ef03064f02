// Scenario: Program nests a Trainer class that receives its EpochDataLoader through the constructor (Main passes a P×K loader) and reshuffles through _train.Sampler only; wrong: the loader draws from a batch sampler, so its Sampler is sequential and the epoch never reaches the P×K sampler.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.Nested;

public static class Program
{
    public static void Main()
    {
        var data = new FashionMnist(train: true);
        var labels = data.Columns["label"].data<long>().ToArray();
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 10, samplesPerClass: 6, seed: 0);
        using var loader = new EpochDataLoader(data, batchSampler: pk);

        var model = Sequential(("flat", Flatten()), ("embed", Linear(784, 64)));
        var trainer = new Trainer(model, loader);
        trainer.Fit(epochs: 20);
    }

    private sealed class Trainer
    {
        private readonly Module<Tensor, Tensor> _model;
        private readonly EpochDataLoader _train;
        private readonly optim.Optimizer _optimizer;

        public Trainer(Module<Tensor, Tensor> model, EpochDataLoader train)
        {
            _model = model;
            _train = train;
            _optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        }

        public void Fit(int epochs)
        {
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                if (_train.Sampler is IEpochAware aware) aware.SetEpoch(epoch); //! CMP001
                _model.train();
                double total = 0;
                foreach (var batch in _train)
                {
                    using var scope = NewDisposeScope();
                    _optimizer.zero_grad();
                    var embeddings = functional.normalize(_model.call(batch["data"]), dim: 1);
                    var loss = Contrastive(embeddings, batch["label"]);
                    loss.backward();
                    _optimizer.step();
                    total += loss.ToSingle();
                }
                Console.WriteLine($"epoch {epoch}: loss {total / _train.Count:F4}");
            }
        }

        private static Tensor Contrastive(Tensor embeddings, Tensor labels)
        {
            var similarity = embeddings.matmul(embeddings.t());
            var same = labels.unsqueeze(0).eq(labels.unsqueeze(1)).to_type(ScalarType.Float32);
            return functional.binary_cross_entropy_with_logits(similarity, same);
        }
    }
}
