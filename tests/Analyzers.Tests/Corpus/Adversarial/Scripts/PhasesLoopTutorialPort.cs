// Scenario: PyTorch transfer-learning tutorial ported as a script: train.SetEpoch(epoch) then a phases loop over "train"/"val" choosing the loader with ?:, val not shuffled; correct (the rules overview names this shape).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var trainSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(2400, 512),
    ["label"] = randint(0, 2, new long[] { 2400 }),
});
var valSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(600, 512),
    ["label"] = randint(0, 2, new long[] { 600 }),
});
using var train = new EpochDataLoader(trainSet, batchSize: 4, shuffle: true, seed: 0);
using var val = new EpochDataLoader(valSet, batchSize: 4);
var sizes = new Dictionary<string, long> { ["train"] = trainSet.Count, ["val"] = valSet.Count };

var head = nn.Linear(512, 2);
var opt = optim.SGD(head.parameters(), 0.001, momentum: 0.9);
var scheduler = optim.lr_scheduler.StepLR(opt, 7, 0.1);
var bestAcc = 0.0;
const int numEpochs = 25;

for (int epoch = 0; epoch < numEpochs; epoch++)
{
    Console.WriteLine($"Epoch {epoch}/{numEpochs - 1}\n----------");
    train.SetEpoch(epoch);

    foreach (var phase in new[] { "train", "val" })
    {
        if (phase == "train") head.train(); else head.eval();
        var loader = phase == "train" ? train : val;
        double runningLoss = 0;
        long runningCorrects = 0;

        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            opt.zero_grad();
            using (set_grad_enabled(phase == "train"))
            {
                var outputs = head.call(batch["data"]);
                var preds = outputs.argmax(1);
                var loss = nn.functional.cross_entropy(outputs, batch["label"]);
                if (phase == "train")
                {
                    loss.backward();
                    opt.step();
                }
                runningLoss += loss.item<float>() * batch["data"].shape[0];
                runningCorrects += preds.eq(batch["label"]).sum().ToInt64();
            }
        }
        if (phase == "train") scheduler.step();

        var epochLoss = runningLoss / sizes[phase];
        var epochAcc = (double)runningCorrects / sizes[phase];
        Console.WriteLine($"{phase} Loss: {epochLoss:F4} Acc: {epochAcc:F4}");
        if (phase == "val" && epochAcc > bestAcc) bestAcc = epochAcc;
    }
}
Console.WriteLine($"Best val Acc: {bestAcc:F4}");
