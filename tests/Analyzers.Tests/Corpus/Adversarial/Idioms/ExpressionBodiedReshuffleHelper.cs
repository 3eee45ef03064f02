// Scenario: a static Program with expression-bodied helpers; Reshuffle(loader, epoch) => (loader.Sampler as IEpochAware)?.SetEpoch(epoch) is called before each epoch on a loader built from a BatchSampler; wrong: the helper reaches only the loader's sequential Sampler, never the batch sampler.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.ExpressionBodied;

public static class Program
{
    private static int EpochCount => 10;
    private static Device TrainDevice => cuda.is_available() ? CUDA : CPU;

    private static void Reshuffle(EpochDataLoader loader, int epoch) => (loader.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001

    private static double Accuracy(Tensor logits, Tensor labels) =>
        logits.argmax(1).eq(labels).to_type(ScalarType.Float32).mean().ToDouble();

    private static string Format(int epoch, double loss, double acc) => $"epoch {epoch,3} | loss {loss:F4} | acc {acc:P1}";

    public static void Main()
    {
        var dataset = new FashionMnist(train: true);
        var batches = new BatchSampler(new RandomSampler(dataset.Count, seed: 3), 32);
        using var train = new EpochDataLoader(dataset, batchSampler: batches, device: TrainDevice);

        var model = Sequential(("flat", Flatten()), ("fc", Linear(784, 10))).to(TrainDevice);
        var optimizer = optim.SGD(model.parameters(), 0.1);
        var criterion = CrossEntropyLoss();

        for (int epoch = 0; epoch < EpochCount; epoch++)
        {
            Reshuffle(train, epoch);
            model.train();
            double loss = 0, acc = 0;
            foreach (var data in train)
            {
                using var d = NewDisposeScope();
                optimizer.zero_grad();
                var logits = model.call(data["data"]);
                var output = criterion.call(logits, data["label"]);
                output.backward();
                optimizer.step();
                loss += output.ToDouble();
                acc += Accuracy(logits, data["label"]);
            }
            Console.WriteLine(Format(epoch, loss / train.Count, acc / train.Count));
        }
    }
}
