// Scenario: a Lightning-style data module keeps its loaders in a dictionary; each epoch the trainer walks the dictionary, takes `kv.Value` into a local, sets its epoch with `Epochs.SetEpoch` and iterates it: right (a loop over loaders; `epoch` changes across the epoch loop around it).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.DictionaryLoadersKvValueLocal;

public sealed class DomainDataModule
{
    public DomainDataModule(IReadOnlyDictionary<string, InMemoryDataset> domains, int batchSize)
    {
        foreach (var (name, data) in domains)
            Loaders[name] = new EpochDataLoader(data, batchSize: batchSize, shuffle: true, seed: name.Length);
    }

    public Dictionary<string, EpochDataLoader> Loaders { get; } = new();
}

public static class DomainAdaptation
{
    public static void Train(DomainDataModule module, nn.Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.05, momentum: 0.9);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            foreach (var kv in module.Loaders)
            {
                var loader = kv.Value;
                Epochs.SetEpoch(loader, epoch);
                foreach (var batch in loader)
                {
                    using var scope = NewDisposeScope();
                    var loss = nn.functional.mse_loss(model.forward(batch["data"]), batch["target"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
                Console.WriteLine($"epoch {epoch}: finished domain {kv.Key}");
            }
        }
    }

    public static void Main()
    {
        InMemoryDataset Make(int n) => new(new Dictionary<string, Tensor> { ["data"] = randn(n, 8), ["target"] = randn(n, 1) });
        var module = new DomainDataModule(new Dictionary<string, InMemoryDataset> { ["source"] = Make(400), ["target"] = Make(300) }, 25);
        Train(module, nn.Linear(8, 1), epochs: 4);
    }
}
