// Scenario: a regression script in TorchSharp's own example style uses DataLoader(shuffle: true, seed: 1234) for reproducibility, so every epoch sees the same order; wrong (the test loader with shuffle: false is fine).
using HeldOut2.Blind.TorchSharpFixedSeedDataLoader;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const int BatchSize = 64;
const int Epochs = 25;
var device = cuda.is_available() ? CUDA : CPU;
torch.random.manual_seed(1234);

using var trainData = new SineDataset(8192, noise: 0.05, seed: 1);
using var testData = new SineDataset(1024, noise: 0.0, seed: 2);
using var trainLoader = new DataLoader(trainData, BatchSize, shuffle: true, device: device, seed: 1234); //! CMP003
using var testLoader = new DataLoader(testData, 256, shuffle: false, device: device, seed: 1234);

var model = nn.Sequential(
    nn.Linear(1, 64), nn.Tanh(),
    nn.Linear(64, 64), nn.Tanh(),
    nn.Linear(64, 1)).to(device);
var optimizer = optim.Adam(model.parameters(), 1e-2);
var scheduler = optim.lr_scheduler.ExponentialLR(optimizer, 0.9);
var mse = nn.MSELoss();

for (var epoch = 0; epoch < Epochs; epoch++)
{
    model.train();
    var losses = new List<float>();
    foreach (var batch in trainLoader)
    {
        using var d = NewDisposeScope();
        optimizer.zero_grad();
        var loss = mse.call(model.call(batch["x"]), batch["y"]);
        loss.backward();
        optimizer.step();
        losses.Add(loss.item<float>());
    }
    scheduler.step();

    model.eval();
    double testLoss = 0;
    using (no_grad())
        foreach (var batch in testLoader)
        {
            using var d = NewDisposeScope();
            testLoss += mse.call(model.call(batch["x"]), batch["y"]).item<float>() * batch["x"].shape[0];
        }
    Console.WriteLine($"epoch {epoch,3} train {losses.Average():F5} test {testLoss / testData.Count:F5}");
}

namespace HeldOut2.Blind.TorchSharpFixedSeedDataLoader
{
    sealed class SineDataset : torch.utils.data.Dataset
    {
        private readonly Tensor _x;
        private readonly Tensor _y;

        public SineDataset(long n, double noise, int seed)
        {
            var g = new Generator((ulong)seed);
            _x = rand(new long[] { n, 1 }, generator: g) * 2 * Math.PI;
            _y = sin(_x) + randn(new long[] { n, 1 }, generator: g) * noise;
        }

        public override long Count => _x.shape[0];

        public override Dictionary<string, Tensor> GetTensor(long index) =>
            new() { ["x"] = _x[index], ["y"] = _y[index] };

        protected override void Dispose(bool disposing)
        {
            if (disposing) { _x.Dispose(); _y.Dispose(); }
            base.Dispose(disposing);
        }
    }
}
