// Scenario: a static Program with expression-bodied helper methods, BeginEpoch(loader, epoch) => loader.SetEpoch(epoch), called at the top of each epoch for a P×K loader; correct: a method in the same file sets the whole loader.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.ExpressionBodiedOk;

public static class Program
{
    private static int EpochCount => 10;

    private static void BeginEpoch(EpochDataLoader loader, int epoch) => loader.SetEpoch(epoch);

    private static Tensor PairLoss(Tensor z, Tensor y) =>
        functional.binary_cross_entropy_with_logits(z.matmul(z.t()) * 5, y.unsqueeze(0).eq(y.unsqueeze(1)).to_type(ScalarType.Float32));

    private static void Log(int epoch, double loss) => Console.WriteLine($"epoch {epoch,3} | loss {loss:F4}");

    public static void Main()
    {
        var data = new FashionMnist(train: true);
        var labels = data.Columns["label"].data<long>().ToArray();
        using var train = new EpochDataLoader(data,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 10, samplesPerClass: 4, seed: 9));

        var model = Sequential(("flat", Flatten()), ("fc", Linear(784, 32)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < EpochCount; epoch++)
        {
            BeginEpoch(train, epoch);
            model.train();
            double total = 0;
            foreach (var batch in train)
            {
                using var d = NewDisposeScope();
                optimizer.zero_grad();
                var loss = PairLoss(functional.normalize(model.call(batch["data"]), dim: 1), batch["label"]);
                loss.backward();
                optimizer.step();
                total += loss.ToDouble();
            }
            Log(epoch, total / train.Count);
        }
    }
}
