// Scenario: a console program trains a tabular classifier end to end with a shuffling EpochDataLoader, sets its epoch at the top of every epoch through a static helper method (Evaluation.BeginEpoch) in the same file, evaluates and checkpoints; correct.
using Composer.Data;
using HeldOut2.Blind.ConsoleTabularClassifierCorrect;
using TorchSharp;
using static TorchSharp.torch;

const int Features = 24, Classes = 5, Epochs = 12;
var device = cuda.is_available() ? CUDA : CPU;
manual_seed(2026);

var (trainSet, validSet) = Synthetic.Split(4096, Features, Classes);
using var train = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: 42, device: device, disposeDataset: true);
using var valid = new EpochDataLoader(validSet, batchSize: 512, device: device, disposeDataset: true);

var model = nn.Sequential(
    ("fc1", nn.Linear(Features, 128)),
    ("act1", nn.ReLU()),
    ("drop", nn.Dropout(0.1)),
    ("fc2", nn.Linear(128, Classes))).to(device);
var optimizer = optim.AdamW(model.parameters(), lr: 3e-3, weight_decay: 1e-4);
var scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 4, gamma: 0.5);
var lossFn = nn.CrossEntropyLoss();
double best = 0;

for (int epoch = 0; epoch < Epochs; epoch++)
{
    Evaluation.BeginEpoch(train, model, epoch);
    double total = 0;
    long seen = 0;
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var logits = model.call(batch["data"]);
        var loss = lossFn.call(logits, batch["label"]);
        loss.backward();
        optimizer.step();
        total += loss.item<float>() * batch["data"].shape[0];
        seen += batch["data"].shape[0];
    }
    scheduler.step();

    var accuracy = Evaluation.Accuracy(model, valid);
    Console.WriteLine($"epoch {epoch + 1}/{Epochs} loss {total / seen:F4} val_acc {accuracy:P1} lr {optimizer.ParamGroups.First().LearningRate:G3}");
    if (accuracy > best)
    {
        best = accuracy;
        Directory.CreateDirectory("checkpoints");
        model.save(Path.Combine("checkpoints", "best.dat"));
    }
}
Console.WriteLine($"best validation accuracy {best:P2}");

namespace HeldOut2.Blind.ConsoleTabularClassifierCorrect
{
    static class Synthetic
    {
        public static (InMemoryDataset Train, InMemoryDataset Valid) Split(int n, int features, int classes)
        {
            var x = randn(n, features);
            var w = randn(features, classes);
            var y = x.matmul(w).argmax(1);
            int cut = n * 4 / 5;
            var trainCols = new Dictionary<string, Tensor> { ["data"] = x[..cut], ["label"] = y[..cut] };
            var validCols = new Dictionary<string, Tensor> { ["data"] = x[cut..], ["label"] = y[cut..] };
            return (new InMemoryDataset(trainCols), new InMemoryDataset(validCols));
        }
    }

    static class Evaluation
    {
        public static void BeginEpoch(EpochDataLoader loader, nn.Module model, int epoch)
        {
            loader.SetEpoch(epoch);
            model.train();
        }

        public static double Accuracy(nn.Module<Tensor, Tensor> model, EpochDataLoader loader)
        {
            model.eval();
            long correct = 0, count = 0;
            using var _ = no_grad();
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var predicted = model.call(batch["data"]).argmax(1);
                correct += predicted.eq(batch["label"]).sum().item<long>();
                count += batch["label"].shape[0];
            }
            return (double)correct / count;
        }
    }
}
