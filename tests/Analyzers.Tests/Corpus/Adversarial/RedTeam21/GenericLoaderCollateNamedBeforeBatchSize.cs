// Scenario: a port of `DataLoader(ds, collate_fn=collate, batch_size=32, shuffle=True, generator=g)` as TorchSharp's generic `DataLoader<T, S>` with every argument named, `collate_fn` written before `batchSize`, and a fixed `seed`: wrong - CMP003. The fix keeps `dataset`, `batchSize` and `collate_fn` as written and puts the RandomSampler in the shuffler's place.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam21.GenericLoaderCollateNamedBeforeBatchSize;

public sealed class Rows : torch.utils.data.Dataset<(float[] Features, long Label)>
{
    private readonly (float[] Features, long Label)[] _rows;
    public Rows(int n) => _rows = Enumerable.Range(0, n).Select(i => (new[] { i * 0.1f, i * 0.2f, 1f }, (long)(i % 3))).ToArray();
    public override long Count => _rows.Length;
    public override (float[] Features, long Label) GetTensor(long index) => _rows[index];
}

public static class Program
{
    static (Tensor X, Tensor Y) Collate(IEnumerable<(float[] Features, long Label)> rows, Device device)
    {
        var list = rows.ToList();
        var x = stack(list.Select(r => tensor(r.Features)).ToArray()).to(device);
        var y = tensor(list.Select(r => r.Label).ToArray()).to(device);
        return (x, y);
    }

    public static void Main()
    {
        var rows = new Rows(240);
        using var train = new DataLoader<(float[] Features, long Label), (Tensor X, Tensor Y)>( //! CMP003
            dataset: rows, collate_fn: Collate, batchSize: 24, shuffle: true, seed: 2024);
        var model = nn.Linear(3, 3);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-2);

        for (int epoch = 0; epoch < 5; epoch++)
        {
            foreach (var (x, y) in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(x), y);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
