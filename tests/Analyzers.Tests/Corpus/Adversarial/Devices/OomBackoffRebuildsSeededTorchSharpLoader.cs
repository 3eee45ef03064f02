// Scenario: on CUDA out-of-memory the batch size is halved and the TorchSharp DataLoader rebuilt by a helper that shuffles with the fixed seed 1234 — every epoch repeats one order (CMP003 at the helper's creation).
using System.Runtime.InteropServices;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Acme.Speech;

public static class KeywordSpotterTraining
{
    // disposeDataset: false — the data set outlives every loader we throw away on OOM.
    static DataLoader MakeLoader(utils.data.Dataset data, int batchSize, Device device) =>
        new DataLoader(data, batchSize, shuffle: true, device: device, seed: 1234, disposeDataset: false); //! CMP003

    static bool IsOutOfMemory(ExternalException ex) =>
        ex.Message.Contains("out of memory", StringComparison.OrdinalIgnoreCase);

    public static void Run(utils.data.Dataset spectrograms, int epochs)
    {
        var device = cuda.is_available() ? CUDA : CPU;
        int batchSize = 512;
        var loader = MakeLoader(spectrograms, batchSize, device);

        var model = nn.Sequential(
            nn.Conv1d(40, 64, 3, padding: 1), nn.BatchNorm1d(64), nn.ReLU(),
            nn.Conv1d(64, 64, 3, padding: 1), nn.BatchNorm1d(64), nn.ReLU(),
            nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Linear(64, 12));
        model.to(device);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            while (true)
            {
                try
                {
                    double loss = TrainEpoch(model, optimizer, loader);
                    Console.WriteLine($"epoch {epoch}: batch {batchSize}, loss {loss:F4}");
                    break;
                }
                catch (ExternalException ex) when (IsOutOfMemory(ex) && batchSize > 16)
                {
                    batchSize /= 2;
                    Console.WriteLine($"OOM, retrying epoch {epoch} with batch size {batchSize}");
                    loader.Dispose();
                    if (device.type == DeviceType.CUDA) cuda.synchronize();
                    loader = MakeLoader(spectrograms, batchSize, device);
                }
            }
        }
        loader.Dispose();
    }

    static double TrainEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, DataLoader loader)
    {
        model.train();
        double total = 0;
        int steps = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(batch["features"]), batch["keyword"]);
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
            steps++;
        }
        return total / Math.Max(1, steps);
    }
}
