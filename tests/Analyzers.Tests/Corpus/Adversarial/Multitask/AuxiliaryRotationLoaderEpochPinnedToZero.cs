// Scenario: a Fashion-MNIST classifier adds a self-supervised rotation-prediction task every k steps from a second, shuffled loader over the test images (no labels used); the main loader gets the epoch, but the auxiliary loader is "reset" with SetEpoch(0) each epoch, so it replays one order forever (wrong: CMP004).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const int epochs = 15;
const int auxEvery = 4;          // one rotation batch every 4 classification steps
const float auxWeight = 0.5f;

using var trainSet = new FashionMnist(train: true);
using var unlabeledPool = new FashionMnist(train: false);   // images only; labels are never read
using var train = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: 42);
using var aux = new EpochDataLoader(unlabeledPool, batchSize: 64, shuffle: true, seed: 43);

var backbone = nn.Sequential(
    nn.Conv2d(1, 32, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten());
var classHead = nn.Linear(64 * 7 * 7, 10);
var rotationHead = nn.Linear(64 * 7 * 7, 4);
var optimizer = optim.Adam(backbone.parameters().Concat(classHead.parameters()).Concat(rotationHead.parameters()), 1e-3);

for (int epoch = 0; epoch < epochs; epoch++)
{
    train.SetEpoch(epoch);
    aux.SetEpoch(0); //! CMP004

    using var auxBatches = aux.GetEnumerator();
    int step = 0;
    double clsTotal = 0, rotTotal = 0;
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(classHead.call(backbone.call(batch["data"])), batch["label"]);
        clsTotal += loss.item<float>();

        if (step % auxEvery == 0 && auxBatches.MoveNext())
        {
            var (rotated, rotLabels) = Rotations(auxBatches.Current["data"]);
            var rotLoss = nn.functional.cross_entropy(rotationHead.call(backbone.call(rotated)), rotLabels);
            rotTotal += rotLoss.item<float>();
            loss = loss + auxWeight * rotLoss;
        }

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        step++;
    }
    Console.WriteLine($"epoch {epoch}: cls {clsTotal / step:F4}  rot {rotTotal / Math.Ceiling(step / (double)auxEvery):F4}");
}

// every image at 0, 90, 180 and 270 degrees, labelled 0..3
static (Tensor Images, Tensor Labels) Rotations(Tensor images)
{
    long n = images.shape[0];
    var rotated = cat(Enumerable.Range(0, 4).Select(k => images.rot90(k, (2, 3))).ToArray(), 0);
    var labels = arange(4, dtype: ScalarType.Int64).repeat_interleave(n);
    return (rotated, labels);
}
