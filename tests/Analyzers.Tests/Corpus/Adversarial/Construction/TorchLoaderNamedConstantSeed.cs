// Scenario: A Fashion-MNIST MLP trainer builds TorchSharp's DataLoader with shuffle: true and the constant seed 42 and iterates it every epoch, so every epoch replays one order (bug: CMP003).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionMlp;

public sealed class MlpTrainer : IDisposable
{
    readonly Sequential _model;
    readonly DataLoader _train;
    readonly DataLoader _test;
    readonly optim.Optimizer _optimizer;
    readonly CrossEntropyLoss _criterion = nn.CrossEntropyLoss();

    public MlpTrainer(string folder)
    {
        _model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(28 * 28, 256)),
            ("relu1", nn.ReLU()),
            ("fc2", nn.Linear(256, 128)),
            ("relu2", nn.ReLU()),
            ("head", nn.Linear(128, 10)));
        var trainSet = new FashionMnist(folder, train: true);
        var testSet = new FashionMnist(folder, train: false);
        _train = new DataLoader(trainSet, 64, shuffle: true, seed: 42); //! CMP003
        _test = new DataLoader(testSet, 256);
        _optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _model.train();
            double total = 0;
            long steps = 0;
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = _criterion.forward(_model.forward(batch["data"]), batch["label"]);
                loss.backward();
                _optimizer.step();
                total += loss.item<float>();
                steps++;
            }
            Console.WriteLine($"epoch {epoch}: loss {total / Math.Max(1, steps):F4}, test accuracy {Evaluate():P2}");
        }
    }

    double Evaluate()
    {
        _model.eval();
        long correct = 0, seen = 0;
        using (no_grad())
        {
            foreach (var batch in _test)
            {
                using var scope = NewDisposeScope();
                var predicted = _model.forward(batch["data"]).argmax(1);
                correct += predicted.eq(batch["label"]).sum().item<long>();
                seen += batch["label"].shape[0];
            }
        }
        return (double)correct / seen;
    }

    public void Dispose()
    {
        _train.Dispose();
        _test.Dispose();
        _model.Dispose();
    }
}
