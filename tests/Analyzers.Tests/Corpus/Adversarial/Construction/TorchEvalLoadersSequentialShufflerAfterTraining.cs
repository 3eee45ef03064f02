// Scenario: After each epoch of a TorchSharp loader whose RandomSampler shuffler is set through Epochs.SetEpoch, the loop evaluates with DataLoader(SequentialSampler) and DataLoader(shuffle: false, seed: 0); evaluation order never depends on the epoch (negative).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchEval;

public sealed class TrainEvalLoop(InMemoryDataset trainSet, InMemoryDataset validSet, InMemoryDataset testSet) : IDisposable
{
    readonly DataLoader _train = new(trainSet, 128, new RandomSampler(trainSet.Count, seed: 5), disposeDataset: false);
    readonly DataLoader _valid = new(validSet, 512, new SequentialSampler(validSet.Count), disposeDataset: false);
    readonly DataLoader _test = new(testSet, 512, shuffle: false, seed: 0, disposeDataset: false);

    static double Accuracy(nn.Module<Tensor, Tensor> model, Dictionary<string, Tensor> batch) =>
        model.forward(batch["data"]).argmax(1).eq(batch["label"]).to_type(ScalarType.Float32).mean().item<float>();

    public void Run(nn.Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(_train, epoch);
            model.train();
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
                optimizer.step();
            }

            model.eval();
            using (no_grad())
            {
                double valid = _valid.Select(b => Accuracy(model, b)).Average();
                double test = 0;
                int batches = 0;
                foreach (var batch in _test)
                {
                    test += Accuracy(model, batch);
                    batches++;
                }
                Console.WriteLine($"epoch {epoch}: valid {valid:P2}, test {test / batches:P2}");
            }
        }
    }

    public void Dispose()
    {
        _train.Dispose();
        _valid.Dispose();
        _test.Dispose();
    }
}
