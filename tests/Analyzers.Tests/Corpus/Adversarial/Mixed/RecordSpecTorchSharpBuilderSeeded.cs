// Scenario: a data module keeps a TorchSharp loader spec as a record and copies it with `with` for evaluation; its one builder passes shuffle and seed straight from the spec to TorchSharp's DataLoader, so the training copy (shuffle on, seed 1337) repeats one order every epoch: CMP003 on that creation; the explicit test loader has shuffle: false.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Acme.Torch;

public sealed record TorchLoaderSpec(int BatchSize, bool Shuffle, int? Seed, bool DropLast = false)
{
    public TorchLoaderSpec ForEvaluation() => this with { Shuffle = false, Seed = null, DropLast = false, BatchSize = BatchSize * 4 };
}

public sealed class ImageDataModule : IDisposable
{
    private readonly List<IDisposable> _owned = new();

    public ImageDataModule(long trainRows, long testRows)
    {
        Train = Make(trainRows);
        Test = Make(testRows);
    }

    public InMemoryDataset Train { get; }
    public InMemoryDataset Test { get; }

    private static InMemoryDataset Make(long n) => new(new Dictionary<string, Tensor>
    {
        ["data"] = torch.rand(n, 1, 8, 8),
        ["label"] = torch.randint(0, 10, new long[] { n }),
    });

    public DataLoader Build(torch.utils.data.Dataset dataset, TorchLoaderSpec spec)
    {
        var loader = new DataLoader(dataset, spec.BatchSize, shuffle: spec.Shuffle, seed: spec.Seed, drop_last: spec.DropLast, disposeDataset: false); //! CMP003
        _owned.Add(loader);
        return loader;
    }

    public DataLoader TestLoader() => new(Test, 512, shuffle: false, seed: 1, disposeDataset: false);

    public void Dispose()
    {
        foreach (var d in _owned) d.Dispose();
        _owned.Clear();
    }
}

public sealed class ConvNet : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d _conv;
    private readonly Linear _head;

    public ConvNet() : base(nameof(ConvNet))
    {
        _conv = nn.Conv2d(1, 8, 3, padding: 1);
        _head = nn.Linear(8 * 4 * 4, 10);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) =>
        _head.forward(nn.functional.max_pool2d(nn.functional.relu(_conv.forward(x)), 2).flatten(1));
}

public static class TorchRun
{
    public static void Main()
    {
        using var module = new ImageDataModule(6000, 1000);
        var spec = new TorchLoaderSpec(BatchSize: 64, Shuffle: true, Seed: 1337, DropLast: true);
        var train = module.Build(module.Train, spec);
        var validation = module.Build(module.Test, spec.ForEvaluation());
        using var test = module.TestLoader();

        var model = new ConvNet();
        var optimizer = optim.Adam(model.parameters(), 1e-3);
        for (int epoch = 0; epoch < 5; epoch++)
        {
            foreach (var batch in train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}: validation accuracy {Accuracy(model, validation):P1}");
        }
        Console.WriteLine($"test accuracy {Accuracy(model, test):P1}");
    }

    private static double Accuracy(nn.Module<Tensor, Tensor> model, DataLoader loader)
    {
        using var _ = torch.no_grad();
        long correct = 0, seen = 0;
        foreach (var batch in loader)
        {
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            seen += batch["label"].shape[0];
        }
        return correct / (double)Math.Max(1, seen);
    }
}
