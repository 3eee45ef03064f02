// Scenario: One helper builds both loaders as TorchSharp DataLoader(shuffle: isTrain, seed: seed); shuffle is not the constant false and the seed is a parameter fixed for the run, so the train loader repeats its order (bug: CMP003 on the one creation).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Recipes;

public static class SharedLoaderFactory
{
    static DataLoader MakeLoader(torch.utils.data.Dataset data, bool isTrain, int seed, Device device) =>
        new DataLoader(data, isTrain ? 64 : 512, shuffle: isTrain, device: device, seed: seed, disposeDataset: false); //! CMP003

    public static void Run(string folder, int seed, int epochs)
    {
        Device device = cuda.is_available() ? CUDA : CPU;
        using var trainSet = new FashionMnist(folder, train: true);
        using var testSet = new FashionMnist(folder, train: false);
        using var train = MakeLoader(trainSet, isTrain: true, seed, device);
        using var test = MakeLoader(testSet, isTrain: false, seed, device);

        var model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(784, 300)),
            ("tanh", nn.Tanh()),
            ("fc2", nn.Linear(300, 10))).to(device);
        var optimizer = optim.SGD(model.parameters(), 0.1);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, 5, 0.5);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
                optimizer.step();
            }
            scheduler.step();

            model.eval();
            long correct = 0;
            using (no_grad())
            {
                foreach (var batch in test)
                {
                    using var scope = NewDisposeScope();
                    correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                }
            }
            Console.WriteLine($"epoch {epoch}: {correct} / {testSet.Count} correct");
        }
    }
}
