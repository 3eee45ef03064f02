// Scenario: A CNN trainer passes seed: null (named and positional) with shuffle: true, and seed: 42 only with shuffle: false for evaluation; no fixed shuffle seed, so this is right (negative).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vision;

public sealed class SmallCnn : nn.Module<Tensor, Tensor>
{
    readonly Conv2d _conv1 = nn.Conv2d(1, 16, 5, padding: 2);
    readonly Conv2d _conv2 = nn.Conv2d(16, 32, 5, padding: 2);
    readonly Linear _fc = nn.Linear(32 * 7 * 7, 10);

    public SmallCnn() : base(nameof(SmallCnn)) => RegisterComponents();

    public override Tensor forward(Tensor x)
    {
        x = nn.functional.max_pool2d(nn.functional.relu(_conv1.forward(x)), 2);
        x = nn.functional.max_pool2d(nn.functional.relu(_conv2.forward(x)), 2);
        return _fc.forward(x.flatten(1));
    }
}

public sealed class CnnRun(InMemoryDataset trainSet, InMemoryDataset testSet, Device device)
{
    public void Train(int epochs, bool heavyAugment)
    {
        using var train = heavyAugment
            ? new DataLoader(trainSet, 64, true, device, null, disposeDataset: false)
            : new DataLoader(trainSet, 128, shuffle: true, device: device, seed: null, disposeDataset: false);
        using var test = new DataLoader(testSet, 1000, shuffle: false, device: device, seed: 42, disposeDataset: false);

        var model = new SmallCnn().to(device);
        var optimizer = optim.Adam(model.parameters(), lr: 2e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var images = heavyAugment ? batch["data"].flip(3) : batch["data"];
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(images), batch["label"]).backward();
                optimizer.step();
            }

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
            Console.WriteLine($"epoch {epoch}: accuracy {(double)correct / testSet.Count:P2}");
        }
    }
}
