// Scenario: precomputed embeddings too big for RAM are read through a memory-mapped file by TorchSharp's DataLoader(shuffle: true) without a seed, plus an in-order validation loader — right for these rules: with no seed TorchSharp draws a fresh order at every enumeration (not reproducible, but not repeated).
using System.IO.MemoryMappedFiles;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Embeddings.Probe;

/// <summary>Rows of Dim float32 values followed by one int32 label, in one flat file.</summary>
public sealed class MappedRows : torch.utils.data.Dataset
{
    public const int Dim = 768;
    const int RowBytes = Dim * sizeof(float) + sizeof(int);
    readonly MemoryMappedFile _map;
    readonly MemoryMappedViewAccessor _view;
    readonly long _rows;

    public MappedRows(string path)
    {
        _rows = new FileInfo(path).Length / RowBytes;
        _map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
    }

    public override long Count => _rows;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var values = new float[Dim];
        var at = index * RowBytes;
        _view.ReadArray(at, values, 0, Dim);
        var label = _view.ReadInt32(at + Dim * sizeof(float));
        return new() { ["data"] = torch.tensor(values), ["label"] = torch.tensor((long)label) };
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) { _view.Dispose(); _map.Dispose(); }
        base.Dispose(disposing);
    }
}

public static class LinearProbe
{
    public static double Train(string trainFile, string validFile, int classes, int epochs)
    {
        using var trainRows = new MappedRows(trainFile);
        using var validRows = new MappedRows(validFile);
        using var train = new DataLoader(trainRows, 1024, shuffle: true, num_worker: 4);
        using var valid = new DataLoader(validRows, 4096, shuffle: false);

        var probe = nn.Linear(MappedRows.Dim, classes);
        var sgd = optim.SGD(probe.parameters(), 0.1);

        var accuracy = 0.0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in train)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(probe.call(batch["data"]), batch["label"]);
                sgd.zero_grad();
                loss.backward();
                sgd.step();
            }

            long hits = 0;
            using (torch.no_grad())
                foreach (var batch in valid)
                {
                    using var scope = torch.NewDisposeScope();
                    hits += probe.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                }
            accuracy = (double)hits / validRows.Count;
            Console.WriteLine($"epoch {epoch}: probe accuracy {accuracy:P2}");
        }
        return accuracy;
    }
}
