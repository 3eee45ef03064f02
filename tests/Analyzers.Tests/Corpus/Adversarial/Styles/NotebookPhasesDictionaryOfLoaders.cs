// Scenario: a notebook port of PyTorch's transfer-learning tutorial keeps its loaders in a Dictionary<string, EpochDataLoader>, sets loaders["train"]'s epoch before the train/val phases loop, iterates loaders[phase], and later swaps in a bigger-batch train loader for a second run that also sets its epoch (right: nothing flagged).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

// %% [1] data
var images = randn(3000, 3 * 16 * 16);
var classes = randint(0, 2, new long[] { 3000 });
var datasets = new Dictionary<string, InMemoryDataset>
{
    ["train"] = new(new Dictionary<string, Tensor> { ["x"] = images[..2400], ["y"] = classes[..2400] }),
    ["val"] = new(new Dictionary<string, Tensor> { ["x"] = images[2400..], ["y"] = classes[2400..] }),
};

// %% [2] loaders, as in the tutorial
var loaders = new Dictionary<string, EpochDataLoader>
{
    ["train"] = new EpochDataLoader(datasets["train"], batchSize: 4, shuffle: true, seed: 0),
    ["val"] = new EpochDataLoader(datasets["val"], batchSize: 4),
};

// %% [3] model
var model = nn.Sequential(nn.Linear(768, 128), nn.ReLU(), nn.Linear(128, 2));
var optimizer = optim.SGD(model.parameters(), 0.001, momentum: 0.9);
var scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 7, gamma: 0.1);

double bestAcc = 0;
void RunEpochs(int first, int count)
{
    for (int epoch = first; epoch < first + count; epoch++)
    {
        Console.WriteLine($"Epoch {epoch}/{first + count - 1}");
        loaders["train"].SetEpoch(epoch);
        foreach (var phase in new[] { "train", "val" })
        {
            if (phase == "train") model.train(); else model.eval();
            double runningLoss = 0;
            long runningCorrects = 0, seen = 0;
            foreach (var batch in loaders[phase])
            {
                optimizer.zero_grad();
                using var mode = phase == "train" ? enable_grad() : no_grad();
                using var outputs = model.forward(batch["x"]);
                using var loss = nn.functional.cross_entropy(outputs, batch["y"]);
                if (phase == "train") { loss.backward(); optimizer.step(); }
                runningLoss += loss.item<float>() * batch["x"].shape[0];
                runningCorrects += outputs.argmax(1).eq(batch["y"]).sum().item<long>();
                seen += batch["x"].shape[0];
            }
            if (phase == "train") scheduler.step();
            var epochAcc = (double)runningCorrects / seen;
            Console.WriteLine($"{phase} Loss: {runningLoss / seen:F4} Acc: {epochAcc:F4}");
            if (phase == "val" && epochAcc > bestAcc) bestAcc = epochAcc;
        }
    }
}

// %% [4] first run
RunEpochs(0, 5);

// %% [5] second run: bigger batches
loaders["train"] = new EpochDataLoader(datasets["train"], batchSize: 32, shuffle: true, seed: 1);
RunEpochs(5, 5);
Console.WriteLine($"Best val Acc: {bestAcc:F4}");
