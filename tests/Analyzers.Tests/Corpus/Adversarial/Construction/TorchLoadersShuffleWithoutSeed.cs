// Scenario: A VAE script builds TorchSharp loaders with shuffle: true and no seed (named and positional) and an eval loader with positional shuffle false plus seed 0; each enumeration draws a fresh order, so this is right (negative).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

Device device = cuda.is_available() ? CUDA : CPU;
var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);

using var train = new DataLoader(trainSet, 128, shuffle: true, disposeDataset: false);
using var warmup = new DataLoader(trainSet, 32, true, device, disposeDataset: false);
using var test = torch.utils.data.DataLoader(testSet, 256, false, device, 0);

var encoder = nn.Sequential(("flatten", nn.Flatten()), ("fc", nn.Linear(784, 400)), ("act", nn.ReLU()), ("out", nn.Linear(400, 40))).to(device);
var decoder = nn.Sequential(("fc", nn.Linear(20, 400)), ("act", nn.ReLU()), ("out", nn.Linear(400, 784)), ("sig", nn.Sigmoid())).to(device);
var optimizer = optim.Adam(encoder.parameters().Concat(decoder.parameters()), lr: 1e-3);

Tensor Step(Tensor images)
{
    var stats = encoder.forward(images);
    var mu = stats[.., ..20];
    var logVar = stats[.., 20..];
    var z = mu + randn_like(mu) * (0.5 * logVar).exp();
    var reconstruction = decoder.forward(z);
    var bce = nn.functional.binary_cross_entropy(reconstruction, images.flatten(1), reduction: nn.Reduction.Sum);
    var kld = -0.5 * (1 + logVar - mu.pow(2) - logVar.exp()).sum();
    return (bce + kld) / images.shape[0];
}

foreach (var batch in warmup.Take(50))
{
    using var scope = NewDisposeScope();
    optimizer.zero_grad();
    Step(batch["data"]).backward();
    optimizer.step();
}

for (int epoch = 1; epoch <= 20; epoch++)
{
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        Step(batch["data"]).backward();
        optimizer.step();
    }

    double testLoss = 0;
    using (no_grad())
    {
        foreach (var batch in test)
        {
            using var scope = NewDisposeScope();
            testLoss += Step(batch["data"]).item<float>() * batch["data"].shape[0];
        }
    }
    Console.WriteLine($"epoch {epoch}: test loss per image {testLoss / testSet.Count:F2}");
}
