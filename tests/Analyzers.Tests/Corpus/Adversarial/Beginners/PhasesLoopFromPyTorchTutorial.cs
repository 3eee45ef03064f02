// Scenario: beginner ports PyTorch's transfer-learning tutorial loop `for phase in ['train', 'val']` with `var loader = phase == "train" ? trainLoader : valLoader`, setting `trainLoader.SetEpoch(epoch)` once per epoch before the phases (val loader unshuffled): right, no diagnostic
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var trainSet = new FashionMnist(train: true);
var valSet = new FashionMnist(train: false);

var trainLoader = new EpochDataLoader(trainSet, batchSize: 32, shuffle: true, seed: 0);
var valLoader = new EpochDataLoader(valSet, batchSize: 32);
var datasetSizes = new Dictionary<string, long> { ["train"] = trainSet.Count, ["val"] = valSet.Count };

var model = Sequential(
    ("conv", Conv2d(1, 32, 3)),
    ("relu", ReLU()),
    ("pool", AdaptiveAvgPool2d(4)),
    ("flatten", Flatten()),
    ("fc", Linear(32 * 4 * 4, 10)));
var criterion = CrossEntropyLoss();
var optimizer = torch.optim.SGD(model.parameters(), 0.001, momentum: 0.9);
var scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size: 7, gamma: 0.1);

var numEpochs = 25;
var bestAcc = 0.0;

for (int epoch = 0; epoch < numEpochs; epoch++)
{
    Console.WriteLine($"Epoch {epoch}/{numEpochs - 1}");
    Console.WriteLine(new string('-', 10));

    trainLoader.SetEpoch(epoch);

    // Each epoch has a training and validation phase
    foreach (var phase in new[] { "train", "val" })
    {
        var loader = phase == "train" ? trainLoader : valLoader;
        if (phase == "train")
            model.train();  // Set model to training mode
        else
            model.eval();   // Set model to evaluate mode

        var runningLoss = 0.0;
        var runningCorrects = 0L;

        foreach (var batch in loader)
        {
            using var scope = torch.NewDisposeScope();
            var inputs = batch["data"];
            var labels = batch["label"];

            optimizer.zero_grad();

            // track history if only in train
            using (torch.set_grad_enabled(phase == "train"))
            {
                var outputs = model.forward(inputs);
                var preds = outputs.argmax(1);
                var loss = criterion.forward(outputs, labels);

                // backward + optimize only if in training phase
                if (phase == "train")
                {
                    loss.backward();
                    optimizer.step();
                }

                runningLoss += loss.item<float>() * inputs.shape[0];
                runningCorrects += preds.eq(labels).sum().item<long>();
            }
        }
        if (phase == "train")
            scheduler.step();

        var epochLoss = runningLoss / datasetSizes[phase];
        var epochAcc = (double)runningCorrects / datasetSizes[phase];
        Console.WriteLine($"{phase} Loss: {epochLoss:F4} Acc: {epochAcc:F4}");

        if (phase == "val" && epochAcc > bestAcc)
        {
            bestAcc = epochAcc;
            model.save("best_model.bin");
        }
    }
    Console.WriteLine();
}
Console.WriteLine($"Best val Acc: {bestAcc:F4}");
