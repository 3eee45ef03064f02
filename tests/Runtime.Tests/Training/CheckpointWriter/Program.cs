using Composer.Training;
using static TorchSharp.torch;

// Usage: CheckpointWriter <checkpoint path>
// Writes a checkpoint of a ~25 MB model to the same path over and over, the i-th with every weight
// equal to i, and prints "saved i" after each, until the parent kills it.
string path = args[0];
Reproducibility.SeedAll(1);
var network = nn.Sequential(("flatten", nn.Flatten()), ("big", nn.Linear(784, 8000)), ("out", nn.Linear(8000, 10)));
using var model = new ComposerClassifier(network);
using var optimizer = optim.SGD(model.parameters(), 0.1);
var batch = new Dictionary<string, Tensor> { ["data"] = rand(4, 1, 28, 28), ["label"] = tensor(new long[] { 0, 1, 2, 3 }) };
using var trainer = new Trainer(new TrainerOptions
{
    Model = model,
    Optimizer = optimizer,
    TrainLoader = new[] { batch },
    MaxDuration = "1000000ba",
    Device = "cpu",
});
for (long i = 1; ; i++)
{
    using (no_grad())
    {
        foreach (var parameter in model.parameters())
        {
            parameter.fill_(i);
        }
    }

    trainer.SaveCheckpoint(path);
    Console.WriteLine($"saved {i}");
}
