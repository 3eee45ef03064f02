// Scenario: TorchSharp DataLoaders seeded for reproducibility — the training one shuffles with seed 42 and so repeats its order every epoch (CMP003); the CPU evaluation one has a seed but does not shuffle, which is fine.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
var evalDevice = CPU;   // the test pass runs on the host while the GPU job queue is busy
torch.random.manual_seed(42);

var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);

var train = new DataLoader(trainSet, 64, shuffle: true, device: device, seed: 42); //! CMP003
var test = new DataLoader(testSet, 256, shuffle: false, device: evalDevice, seed: 42);

// Denoising autoencoder.
var encoder = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 32));
var decoder = nn.Sequential(nn.Linear(32, 128), nn.ReLU(), nn.Linear(128, 784), nn.Sigmoid());
encoder.to(device);
decoder.to(device);
var optimizer = optim.Adam(encoder.parameters().Concat(decoder.parameters()), lr: 1e-3);

for (int epoch = 0; epoch < 25; epoch++)
{
    encoder.train(); decoder.train();
    double trainLoss = 0;
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        var clean = batch["data"].flatten(1);
        var noisy = (clean + 0.2 * randn_like(clean)).clamp(0, 1);
        optimizer.zero_grad();
        var loss = nn.functional.mse_loss(decoder.call(encoder.call(noisy)), clean);
        loss.backward();
        optimizer.step();
        trainLoss += loss.item<float>();
    }

    // Score a host copy of the weights on the CPU test loader.
    var hostEncoder = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 32));
    var hostDecoder = nn.Sequential(nn.Linear(32, 128), nn.ReLU(), nn.Linear(128, 784), nn.Sigmoid());
    using (no_grad())
    {
        foreach (var (name, p) in hostEncoder.state_dict()) p.copy_(encoder.state_dict()[name].cpu());
        foreach (var (name, p) in hostDecoder.state_dict()) p.copy_(decoder.state_dict()[name].cpu());
    }
    hostEncoder.eval(); hostDecoder.eval();

    double testLoss = 0;
    using (no_grad())
    {
        foreach (var batch in test)
        {
            using var scope = NewDisposeScope();
            var clean = batch["data"].flatten(1);
            testLoss += nn.functional.mse_loss(hostDecoder.call(hostEncoder.call(clean)), clean).item<float>();
        }
    }
    hostEncoder.Dispose(); hostDecoder.Dispose();
    Console.WriteLine($"epoch {epoch}: train {trainLoss / train.Count:F5}, test {testLoss / test.Count:F5}");
}
