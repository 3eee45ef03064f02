// Scenario: A tabular regressor rebuilds its TorchSharp loaders inside the epoch loop, the factory with seed: baseSeed + epoch and the generic DataLoader<Row, RowBatch> with seed: options.Seed * 1000 + epoch; the seed changes every epoch, so this is right (negative).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Tabular;

public sealed record Row(float[] Features, float Target);
public sealed record RowBatch(Tensor X, Tensor Y);
public sealed record RegressorOptions(int Seed, int Epochs, int BatchSize);

sealed class RowDataset(IReadOnlyList<Row> rows) : torch.utils.data.Dataset<Row>
{
    public override long Count => rows.Count;
    public override Row GetTensor(long index) => rows[(int)index];
}

public static class HousePriceRegressor
{
    static RowBatch Collate(IEnumerable<Row> rows, Device device)
    {
        var list = rows.ToList();
        var x = tensor(list.SelectMany(r => r.Features).ToArray(), [list.Count, list[0].Features.Length]);
        var y = tensor(list.Select(r => r.Target).ToArray());
        return new RowBatch(x.to(device), y.to(device));
    }

    public static void Fit(IReadOnlyList<Row> rows, torch.utils.data.Dataset tensorRows, RegressorOptions options, int baseSeed)
    {
        var model = nn.Sequential(("fc1", nn.Linear(13, 64)), ("act", nn.ReLU()), ("fc2", nn.Linear(64, 1)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3, weight_decay: 1e-4);
        var dataset = new RowDataset(rows);

        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            using var loader = new DataLoader<Row, RowBatch>(dataset, options.BatchSize, Collate, shuffle: true, seed: options.Seed * 1000 + epoch, disposeDataset: false);
            double sum = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(batch.X).squeeze(1), batch.Y);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }

            using var auxiliary = torch.utils.data.DataLoader(tensorRows, 256, shuffle: true, seed: baseSeed + epoch, disposeDataset: false);
            foreach (var batch in auxiliary.Take(4))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var prediction = model.forward(batch["features"]).squeeze(1);
                nn.functional.l1_loss(prediction, batch["target"]).backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}: mse {sum / loader.Count:F4}");
        }
    }
}
