// Scenario: the train loader's epoch is set each pass; every 500 steps, inside the train iteration, an unshuffled validation loader is iterated without an epoch: correct (it is not epoch-dependent).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

using var train = new FashionMnist(train: true);
using var valid = new FashionMnist(train: false);
using var trainLoader = new EpochDataLoader(train, batchSize: 64, shuffle: true, seed: 11);
using var validLoader = new EpochDataLoader(valid, batchSize: 1000, sampler: new SequentialSampler(valid.Count));

var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 256)), ("relu", nn.ReLU()), ("fc2", nn.Linear(256, 10)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
long step = 0;

for (int epoch = 0; epoch < 6; epoch++)
{
    trainLoader.SetEpoch(epoch);
    foreach (var batch in trainLoader)
    {
        model.train();
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();

        if (++step % 500 != 0) continue;
        model.eval();
        long correct = 0;
        using (torch.no_grad())
        {
            foreach (var vb in validLoader)
                correct += model.forward(vb["data"]).argmax(1).eq(vb["label"]).sum().item<long>();
        }
        Console.WriteLine($"step {step}: valid accuracy {(double)correct / valid.Count:P2}");
    }
}
