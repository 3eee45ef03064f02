// Scenario: SimCLR written as a top-level program with one loader per augmented view (the second a TorchSharp DataLoader over a RandomSampler with the same seed) zipped together; only the first view's epoch is set, so the second view replays epoch 0 and the pairs drift apart — wrong (CMP002 on the zipped loader).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const int Epochs = 50;
const int BatchSize = 128;
const double Temperature = 0.2;

var images = randn(8192, 3, 32, 32);
var augA = new InMemoryDataset(new Dictionary<string, Tensor> { ["image"] = images.flip(3) });
var augB = new InMemoryDataset(new Dictionary<string, Tensor> { ["image"] = images + 0.1 * randn_like(images) });

var viewA = new EpochDataLoader(augA, BatchSize, sampler: new RandomSampler(augA.Count, seed: 7), dropLast: true);
var viewB = new DataLoader(augB, BatchSize, new RandomSampler(augB.Count, seed: 7), drop_last: true);

var encoder = nn.Sequential(nn.Conv2d(3, 64, 3, padding: 1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, 128));
var optimizer = optim.Adam(encoder.parameters(), 1e-3);

for (int epoch = 0; epoch < Epochs; epoch++)
{
    viewA.SetEpoch(epoch);
    double total = 0;
    int steps = 0;
    foreach (var (a, b) in viewA.Zip(viewB)) //! CMP002
    {
        using var scope = NewDisposeScope();
        var z1 = nn.functional.normalize(encoder.call(a["image"]), dim: 1);
        var z2 = nn.functional.normalize(encoder.call(b["image"]), dim: 1);
        var logits = z1.matmul(z2.t()) / Temperature;
        var labels = arange(z1.shape[0], dtype: ScalarType.Int64);
        var loss = (nn.functional.cross_entropy(logits, labels) + nn.functional.cross_entropy(logits.t(), labels)) / 2;
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
        steps++;
    }
    Console.WriteLine($"epoch {epoch}: loss {total / Math.Max(steps, 1):F4}");
}

encoder.save("simclr_encoder.pt");
