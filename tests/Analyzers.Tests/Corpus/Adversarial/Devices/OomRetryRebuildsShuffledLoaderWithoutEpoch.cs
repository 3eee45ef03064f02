// Scenario: each epoch retries after a CUDA out-of-memory error with half the batch size, rebuilding the shuffling EpochDataLoader with the same seed; no pass ever sets the loader's epoch, so every epoch replays one order — wrong (CMP002).
using System.Runtime.InteropServices;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
var data = new FashionMnist();
int batchSize = 1024;
const int epochs = 10;

var train = new EpochDataLoader(data, batchSize: batchSize, shuffle: true, seed: 21, device: device);

var model = nn.Sequential(
    nn.Conv2d(1, 64, 3, padding: 1), nn.ReLU(),
    nn.Conv2d(64, 128, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(128 * 14 * 14, 10));
model.to(device);
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < epochs; epoch++)
{
    for (int attempt = 0; attempt < 4; attempt++)
    {
        try
        {
            double total = 0;
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                nn.utils.clip_grad_norm_(model.parameters(), 1.0);
                optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: loss {total / train.Count:F4} at batch size {batchSize}");
            break;
        }
        catch (ExternalException ex) when (ex.Message.Contains("out of memory", StringComparison.OrdinalIgnoreCase))
        {
            batchSize /= 2;
            Console.WriteLine($"epoch {epoch}: out of memory, retrying with batch size {batchSize}");
            train.Dispose();
            GC.Collect();
            train = new EpochDataLoader(data, batchSize: batchSize, shuffle: true, seed: 21, device: device);
        }
    }
}
train.Dispose();
