// Scenario: beginner following the TorchSharp tutorial builds `new DataLoader(data, 32, shuffle: true, seed: 42)` "so results are reproducible" and trains 50 epochs on a CSV: wrong, TorchSharp reseeds from 42 at every enumeration, so every epoch sees the same order (CMP003)
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var csvPath = args.Length > 0 ? args[0] : "housing.csv";
var data = new HousingCsv(csvPath);
Console.WriteLine($"rows: {data.Count}");

var loader = new DataLoader(data, 32, shuffle: true, seed: 42); //! CMP003

var model = Sequential(
    ("in", Linear(8, 32)),
    ("act", ReLU()),
    ("out", Linear(32, 1)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
var mse = MSELoss();

for (int epoch = 1; epoch <= 50; epoch++)
{
    var total = 0.0;
    var batches = 0;
    foreach (var batch in loader)
    {
        using var scope = torch.NewDisposeScope();
        var prediction = model.forward(batch["features"]);
        var loss = mse.forward(prediction, batch["price"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
        batches++;
    }
    if (epoch % 10 == 0)
        Console.WriteLine($"Epoch {epoch}: MSE = {total / batches:F5}");
}

// my first Dataset class! one row of the CSV per sample, last column is the price
class HousingCsv : torch.utils.data.Dataset
{
    private readonly List<float[]> _rows = new();

    public HousingCsv(string path)
    {
        foreach (var line in File.ReadLines(path).Skip(1)) // skip header
        {
            var parts = line.Split(',');
            _rows.Add(parts.Select(float.Parse).ToArray());
        }
    }

    public override long Count => _rows.Count;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var row = _rows[(int)index];
        return new Dictionary<string, Tensor>
        {
            ["features"] = tensor(row[..8]),
            ["price"] = tensor(new[] { row[8] }),
        };
    }
}
