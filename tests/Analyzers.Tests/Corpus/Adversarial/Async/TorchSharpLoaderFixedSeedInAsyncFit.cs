// Scenario: an async Fit method builds TorchSharp's DataLoader with shuffle: true and seed: 42 "for reproducibility" and trains for several epochs with awaited checkpoint saves; TorchSharp reseeds from 42 at every enumeration, so every epoch has the same order — wrong (CMP003).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mnist.Desktop;

public sealed class MnistFitter
{
    private readonly IProgress<(int Epoch, double Loss)> _progress;

    public MnistFitter(IProgress<(int Epoch, double Loss)> progress) => _progress = progress;

    public async Task FitAsync(string checkpointPath, int epochs, CancellationToken ct)
    {
        using var trainSet = new FashionMnist(train: true);
        using var testSet = new FashionMnist(train: false);

        using var train = new DataLoader(trainSet, 64, shuffle: true, device: CPU, seed: 42); //! CMP003
        using var test = new DataLoader(testSet, 1000, shuffle: false, device: CPU);

        using var model = nn.Sequential(
            ("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 300)), ("relu", nn.ReLU()),
            ("drop", nn.Dropout(0.2)), ("fc2", nn.Linear(300, 10)));
        using var optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.9);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            double total = 0;
            int batches = 0;
            foreach (var batch in train)
            {
                ct.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                batches++;
            }
            _progress.Report((epoch, total / batches));

            model.eval();
            long correct = 0;
            using (no_grad())
            {
                foreach (var batch in test)
                    correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            }
            Console.WriteLine($"epoch {epoch}: test accuracy {correct / (double)testSet.Count:P2}");

            await Task.Run(() => model.save(checkpointPath), ct);
        }
    }
}
