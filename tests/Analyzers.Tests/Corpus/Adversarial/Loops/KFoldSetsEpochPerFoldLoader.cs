// Scenario: k-fold cross validation builds one shuffled loader per fold and sets its epoch to the inner epoch loop's variable (the fold index only names the checkpoint): correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int folds = 5, epochs = 10;
using var full = new FashionMnist(train: true);
long n = full.Count;
var foldScores = new List<double>();

for (int fold = 0; fold < folds; fold++)
{
    using var trainIndex = torch.tensor(Enumerable.Range(0, (int)n).Where(i => i % folds != fold).Select(i => (long)i).ToArray());
    using var validIndex = torch.tensor(Enumerable.Range(0, (int)n).Where(i => i % folds == fold).Select(i => (long)i).ToArray());
    using var trainSet = new InMemoryDataset(full.Columns.ToDictionary(c => c.Key, c => c.Value.index_select(0, trainIndex)));
    using var validSet = new InMemoryDataset(full.Columns.ToDictionary(c => c.Key, c => c.Value.index_select(0, validIndex)));
    using var trainLoader = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: 1000 + fold);
    using var validLoader = new EpochDataLoader(validSet, batchSize: 1000);

    var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 128)), ("relu", nn.ReLU()), ("fc2", nn.Linear(128, 10)));
    var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

    for (int epoch = 0; epoch < epochs; epoch++)
    {
        trainLoader.SetEpoch(epoch);
        foreach (var batch in trainLoader)
        {
            optimizer.zero_grad();
            using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();
        }
    }
    model.save($"kfold/fold{fold}.bin");

    long correct = 0;
    using (torch.no_grad())
    {
        foreach (var batch in validLoader)
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
    }
    foldScores.Add((double)correct / validSet.Count);
}
Console.WriteLine($"mean accuracy {foldScores.Average():P2} over {folds} folds");
