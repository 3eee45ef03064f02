// Scenario: supervised-contrastive training with a temperature annealed per epoch; the loader got a P×K batchSampler but kept batchSize: BatchSize (a const 64) and shuffle: true from before — wrong (two conflicting arguments, CMP006 twice)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int BatchSize = 64;
const int epochs = 40;
const double startTemperature = 0.5, endTemperature = 0.07;

var device = torch.cuda.is_available() ? CUDA : CPU;
using var trainSet = new FashionMnist(train: true);
long[] labels = trainSet.Columns["label"].data<long>().ToArray();

// 8 classes x 8 views per batch = 64, so every anchor has positives
var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 8, seed: 21);
using var train = new EpochDataLoader(trainSet, batchSize: BatchSize, shuffle: true, batchSampler: pk, device: device); //! CMP006 CMP006

var encoder = nn.Sequential(
    ("conv1", nn.Conv2d(1, 32, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(32, 64, 3, padding: 1)), ("relu2", nn.ReLU()), ("pool2", nn.AdaptiveAvgPool2d(1)),
    ("flatten", nn.Flatten()), ("proj", nn.Linear(64, 128)));
encoder.to(device);
var optimizer = torch.optim.Adam(encoder.parameters(), 1e-3);

for (int epoch = 0; epoch < epochs; epoch++)
{
    train.SetEpoch(epoch);
    // anneal the temperature geometrically from 0.5 to 0.07
    double temperature = startTemperature * Math.Pow(endTemperature / startTemperature, epoch / (double)(epochs - 1));

    encoder.train();
    double sum = 0;
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        var z = nn.functional.normalize(encoder.forward(batch["data"]), dim: 1);
        var loss = SupConLoss(z, batch["label"], temperature);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        sum += loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch}: tau {temperature:F3}, loss {sum / train.Count:F4}");
}

static Tensor SupConLoss(Tensor z, Tensor y, double temperature)
{
    var n = z.shape[0];
    var self = torch.eye(n, dtype: ScalarType.Bool, device: z.device);
    var logits = (z.matmul(z.t()) / temperature).masked_fill(self, -1e9);
    var positives = y.unsqueeze(0).eq(y.unsqueeze(1)).logical_and(self.logical_not()).to_type(ScalarType.Float32);
    var logProb = nn.functional.log_softmax(logits, 1);
    return -((logProb * positives).sum(1) / positives.sum(1).clamp_min(1)).mean();
}
