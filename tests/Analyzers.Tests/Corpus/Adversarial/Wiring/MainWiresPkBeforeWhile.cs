// Scenario: Main subscribes the P×K loader's own SetEpoch (method group) to an epoch event before a while loop that advances its own counter, raises the event and iterates the loader until early stopping — correct, no finding
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.MainWiresPkBeforeWhile;

public sealed class EpochEvents
{
    public event Action<int>? EpochStarting;

    public void Raise(int epoch) => EpochStarting?.Invoke(epoch);
}

public sealed class PlateauStopper(int patience)
{
    private double _best = double.PositiveInfinity;
    private int _bad;

    public bool ShouldStop { get; private set; }

    public void Observe(double loss)
    {
        if (loss < _best - 1e-4) { _best = loss; _bad = 0; }
        else ShouldStop = ++_bad >= patience;
    }
}

public static class FaceEmbedding
{
    public static void Main()
    {
        var labels = torch.randint(0, 50, 10_000, dtype: ScalarType.Int64);
        var faces = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(10_000, 128),
            ["label"] = labels,
        });
        IReadOnlyList<long> identities = labels.data<long>().ToArray();
        using var pk = new EpochDataLoader(faces,
            batchSampler: new ClassBalancedBatchSampler(identities, classesPerBatch: 10, samplesPerClass: 6, seed: 77));

        var events = new EpochEvents();
        events.EpochStarting += pk.SetEpoch;
        events.EpochStarting += e => Console.WriteLine($"epoch {e}: {pk.Count} P×K batches");

        var embed = nn.Sequential(nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 64));
        using var optimizer = optim.Adam(embed.parameters(), lr: 3e-4);
        var stopper = new PlateauStopper(patience: 3);
        int epoch = 0;
        while (!stopper.ShouldStop && epoch < 100)
        {
            events.Raise(epoch);
            double sum = 0;
            foreach (var batch in pk)
            {
                using var scope = torch.NewDisposeScope();
                var z = nn.functional.normalize(embed.forward(batch["data"]), dim: 1);
                var same = batch["label"].unsqueeze(0).eq(batch["label"].unsqueeze(1));
                var distance = torch.cdist(z, z);
                var loss = distance.masked_select(same).mean() - distance.masked_select(same.logical_not()).clamp_max(1.0).mean();
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            stopper.Observe(sum / pk.Count);
            epoch++;
        }
    }
}
