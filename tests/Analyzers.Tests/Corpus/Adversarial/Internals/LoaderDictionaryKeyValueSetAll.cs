// Scenario: train and auxiliary loaders are registered in a dictionary built in the same method; at the start of each epoch every entry gets `kv.Value.SetEpoch(epoch)`, then both loaders are iterated. Right (no diagnostic: a setter on the elements of a collection built from the loaders).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.LoaderDictionaryKeyValueSetAll;

public static class SemiSupervised
{
    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset labeled, InMemoryDataset unlabeled, int epochs, double lambdaU)
    {
        using var train = new EpochDataLoader(labeled, batchSize: 64, shuffle: true, seed: 1);
        using var aux = new EpochDataLoader(unlabeled, batchSize: 448, shuffle: true, seed: 2);
        var loaders = new Dictionary<string, EpochDataLoader> { ["labeled"] = train, ["unlabeled"] = aux };
        var optimizer = optim.SGD(model.parameters(), 0.03, momentum: 0.9, nesterov: true);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var kv in loaders) kv.Value.SetEpoch(epoch);

            model.train();
            foreach (var batch in train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
            }

            foreach (var batch in aux)
            {
                optimizer.zero_grad();
                using var weak = model.forward(batch["weak"]);
                using var pseudo = weak.detach().softmax(-1);
                using var strong = model.forward(batch["strong"]).log_softmax(-1);
                using var consistency = -(pseudo * strong).sum(-1).mean() * lambdaU;
                consistency.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch} done");
        }
    }
}
