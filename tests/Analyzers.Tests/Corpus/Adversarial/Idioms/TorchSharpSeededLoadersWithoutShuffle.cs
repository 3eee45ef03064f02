// Scenario: a TorchSharp program passes seed everywhere out of habit, but only the unseeded training loader shuffles; the test (positional shuffle false) and validation (shuffle not written) loaders are seeded; correct: a seed without shuffling decides nothing.
using TorchSharp;
using TorchSharp.Modules;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.SeedHabit;

internal static class Program
{
    private const int Seed = 1;

    private static void Main()
    {
        var device = cuda.is_available() ? CUDA : CPU;
        random.manual_seed(Seed);

        var full = new FashionMnist(train: true);
        var testSet = new FashionMnist(train: false);
        using var train = new DataLoader(full, 64, shuffle: true, device: device, disposeDataset: false);
        using var test = torch.utils.data.DataLoader(testSet, 1000, false, device, Seed);
        using var val = new DataLoader(testSet, 256, device: device, seed: Seed, disposeDataset: false);

        var model = Sequential(("flat", Flatten()), ("fc", Linear(784, 10)));
        model.to(device);
        var optimizer = optim.SGD(model.parameters(), 0.01);
        var loss = CrossEntropyLoss();

        for (int epoch = 1; epoch <= 5; epoch++)
        {
            model.train();
            foreach (var data in train)
            {
                using var d = NewDisposeScope();
                optimizer.zero_grad();
                var output = loss.call(model.call(data["data"]), data["label"]);
                output.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}: val {Accuracy(model, val):P2}, test {Accuracy(model, test):P2}");
        }
    }

    private static double Accuracy(Module<Tensor, Tensor> model, DataLoader loader)
    {
        model.eval();
        using var _ = no_grad();
        long correct = 0, total = 0;
        foreach (var data in loader)
        {
            using var d = NewDisposeScope();
            correct += model.call(data["data"]).argmax(1).eq(data["label"]).sum().ToInt64();
            total += data["label"].shape[0];
        }
        return (double)correct / total;
    }
}
