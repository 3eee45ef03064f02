// Scenario: a two-task model trains an image classifier from an EpochDataLoader (epoch set every epoch) and an auxiliary price regressor from a TorchSharp DataLoader built with shuffle: true and seed: 42 for reproducibility, which reshuffles to the same order at every enumeration (wrong: CMP003 on the TorchSharp loader).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const int epochs = 20;
var device = cuda.is_available() ? CUDA : CPU;

using var photos = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.load("data/listings/photos_64px.pt"),
    ["label"] = torch.load("data/listings/room_type.pt"),
});
using var tabular = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["features"] = torch.load("data/listings/tabular_features.pt"),
    ["price"] = torch.load("data/listings/log_price.pt"),
});

using var photoLoader = new EpochDataLoader(photos, batchSize: 64, shuffle: true, seed: 42, device: device);
using var priceLoader = new DataLoader(tabular, 256, shuffle: true, device: device, seed: 42, disposeDataset: false); //! CMP003

var imageNet = nn.Sequential(
    nn.Conv2d(3, 32, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding: 1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
    nn.Linear(64, 5)).to(device);
var priceNet = nn.Sequential(nn.Linear(48, 128), nn.ReLU(), nn.Dropout(0.2), nn.Linear(128, 1)).to(device);
var imageOpt = optim.Adam(imageNet.parameters(), 1e-3);
var priceOpt = optim.Adam(priceNet.parameters(), 3e-4);

for (int epoch = 0; epoch < epochs; epoch++)
{
    photoLoader.SetEpoch(epoch);

    double ce = 0;
    foreach (var batch in photoLoader)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(imageNet.call(batch["data"]), batch["label"]);
        imageOpt.zero_grad();
        loss.backward();
        imageOpt.step();
        ce += loss.item<float>();
    }

    double mse = 0;
    foreach (var batch in priceLoader)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.mse_loss(priceNet.call(batch["features"]).squeeze(1), batch["price"]);
        priceOpt.zero_grad();
        loss.backward();
        priceOpt.step();
        mse += loss.item<float>();
    }

    Console.WriteLine($"epoch {epoch}: room-type CE {ce / photoLoader.Count:F4}  price MSE {mse / priceLoader.Count:F4}");
}
