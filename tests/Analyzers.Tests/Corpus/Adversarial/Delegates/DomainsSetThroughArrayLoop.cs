// Scenario: domain adaptation with two Domain parameters sets both loaders' epochs in `foreach (var d in new[] { source, target }) d.Loader.SetEpoch(epoch);` before zipping source.Loader with target.Loader (correct, no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind11.DomainsSetThroughArrayLoop;

public sealed class Domain
{
    public string Name { get; }
    public EpochDataLoader Loader { get; }

    public Domain(string name, InMemoryDataset data, int seed)
    {
        Name = name;
        Loader = new EpochDataLoader(data,
            batchSampler: new BatchSampler(new DistributedSampler(data.Count, numReplicas: 1, rank: 0, seed: seed), 64, dropLast: true));
    }
}

public static class CoralTraining
{
    private static Tensor Coral(Tensor a, Tensor b)
    {
        var ca = a.T.cov();
        var cb = b.T.cov();
        return (ca - cb).pow(2).sum() / (4 * a.shape[1] * a.shape[1]);
    }

    public static void Run(Domain source, Domain target, nn.Module<Tensor, Tensor> net, nn.Module<Tensor, Tensor> head, int epochs)
    {
        var optimizer = optim.SGD(net.parameters().Concat(head.parameters()), 0.01, momentum: 0.9);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var d in new[] { source, target }) d.Loader.SetEpoch(epoch);

            foreach (var (s, t) in source.Loader.Zip(target.Loader))
            {
                using var scope = NewDisposeScope();
                var fs = net.forward(s["data"]);
                var ft = net.forward(t["data"]);
                var loss = nn.functional.cross_entropy(head.forward(fs), s["label"]) + Coral(fs, ft);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"{source.Name} -> {target.Name}: epoch {epoch}");
        }
    }
}
