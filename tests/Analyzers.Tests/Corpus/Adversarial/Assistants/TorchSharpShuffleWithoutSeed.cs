// Scenario: an assistant's TorchSharp answer uses `new DataLoader(trainData, batch_size, shuffle: true)` with no seed (like `shuffle=True` in PyTorch) inside a TrainEpoch/Validate split; TorchSharp draws a fresh order at every enumeration (right, no diagnostic).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace IrisStyle;

public sealed class EarlyStopping(int patience = 5)
{
    private double _best = double.MaxValue;
    private int _bad;

    public bool Update(double valLoss)
    {
        if (valLoss < _best) { _best = valLoss; _bad = 0; return false; }
        return ++_bad >= patience;
    }
}

public static class Program
{
    public static void Main()
    {
        var batch_size = 16;
        var x = torch.randn(3_000, 4);
        var y = (x[.., 0] > 0).to_type(ScalarType.Int64) + (x[.., 1] > 0.5).to_type(ScalarType.Int64);
        using var trainData = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x[..2_500], ["label"] = y[..2_500] });
        using var valData = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x[2_500..], ["label"] = y[2_500..] });

        // shuffle=True for training, False for validation (no seed: a different order every epoch)
        using var trainLoader = new DataLoader(trainData, batch_size, shuffle: true, disposeDataset: false);
        using var valLoader = new DataLoader(valData, 256, shuffle: false, disposeDataset: false);

        var model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3));
        var optimizer = optim.Adam(model.parameters(), 1e-2);
        var stopping = new EarlyStopping(patience: 5);
        var stop = false;

        for (int epoch = 1; epoch <= 200 && !stop; epoch++)
        {
            var trainLoss = TrainEpoch(model, trainLoader, optimizer);
            var valLoss = Validate(model, valLoader);
            Console.WriteLine($"Epoch {epoch}: train {trainLoss:F4}, val {valLoss:F4}");
            stop = stopping.Update(valLoss);
        }
    }

    static double TrainEpoch(Sequential model, DataLoader loader, optim.Optimizer optimizer)
    {
        model.train();
        double sum = 0;
        int n = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
            n++;
        }
        return sum / n;
    }

    static double Validate(Sequential model, DataLoader loader)
    {
        model.eval();
        using var _ = no_grad();
        double sum = 0;
        int n = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            sum += nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]).item<float>();
            n++;
        }
        return sum / n;
    }
}
