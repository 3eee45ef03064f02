// Scenario: gradient accumulation over micro-batches with clipping; the epoch is set on the first micro-batch, inside the loop over the very loader it reshuffles — wrong (CMP005).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;

// Tabular features exported by the feature pipeline: 40 columns, binary target.
var features = load("features.pt");
var targets = load("targets.pt");
var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = features, ["y"] = targets });

const int microBatch = 32;      // what fits on the card
const int accumulate = 8;       // effective batch of 256
const int epochs = 15;

using var train = new EpochDataLoader(data, batchSize: microBatch, shuffle: true, seed: 11, device: device, dropLast: true);

var model = nn.Sequential(nn.Linear(40, 128), nn.GELU(), nn.LayerNorm(128), nn.Linear(128, 1));
model.to(device);
var optimizer = optim.Adam(model.parameters(), lr: 3e-4);
var lossFn = nn.BCEWithLogitsLoss();

for (int epoch = 0; epoch < epochs; epoch++)
{
    model.train();
    optimizer.zero_grad();
    int micro = 0;
    double epochLoss = 0;

    foreach (var batch in train)
    {
        if (micro == 0)
            train.SetEpoch(epoch); //! CMP005

        using var scope = NewDisposeScope();
        var logits = model.call(batch["x"]).squeeze(-1);
        var loss = lossFn.call(logits, batch["y"].to(ScalarType.Float32)) / accumulate;
        loss.backward();
        epochLoss += loss.item<float>() * accumulate;

        if (++micro % accumulate == 0)
        {
            nn.utils.clip_grad_norm_(model.parameters(), max_norm: 1.0);
            optimizer.step();
            optimizer.zero_grad();
        }
    }

    // Flush a partial accumulation window at the end of the epoch.
    if (micro % accumulate != 0)
    {
        nn.utils.clip_grad_norm_(model.parameters(), max_norm: 1.0);
        optimizer.step();
    }

    Console.WriteLine($"epoch {epoch}: mean loss {epochLoss / micro:F4} over {micro} micro-batches");
}
