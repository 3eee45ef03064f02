// Scenario: Lightning-style "reload the train loader every epoch": the script stores `Func<int, DataLoader> trainLoaderFor = epoch => new DataLoader(train, 64, shuffle: true, seed: 1234 + epoch, ...)` and hands it to `fit.Run(model, trainLoaderFor, epochs)`, an `IFitLoop` interface whose implementations (such as `SimpleFit` below) call it once per epoch with that epoch. Right: each epoch gets a loader seeded from its own number. CMP003 page: "A lambda handed to code not in view, whose calls are not seen, is judged by its parameter's name as a method is (`Register(epoch => new DataLoader(…, shuffle: true, seed: 17 + epoch))` is not flagged; `seed => …` is)"; storing the lambda in a local before handing it on changes nothing: it is never called in view. No diagnostic.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam27.StoredFactoryLambda;

public interface IFitLoop
{
    void Run(nn.Module<Tensor, Tensor> model, Func<int, DataLoader> trainLoaderFor, DataLoader val, int epochs);
}

public sealed class SimpleFit : IFitLoop
{
    public void Run(nn.Module<Tensor, Tensor> model, Func<int, DataLoader> trainLoaderFor, DataLoader val, int epochs)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var loader = trainLoaderFor(epoch);
            model.train();
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            model.eval();
            using (no_grad())
            {
                long correct = 0;
                foreach (var batch in val)
                    correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                Console.WriteLine($"epoch {epoch}: {correct} correct");
            }
        }
    }
}

public static class Script
{
    public static void Start(IFitLoop fit, torch.utils.data.Dataset train, torch.utils.data.Dataset valid, int epochs)
    {
        var model = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding: 1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(16, 10));

        Func<int, DataLoader> trainLoaderFor = epoch =>
            new DataLoader(train, 64, shuffle: true, seed: 1234 + epoch, disposeDataset: false);

        using var val = new DataLoader(valid, 256, shuffle: false, disposeDataset: false);
        fit.Run(model, trainLoaderFor, val, epochs);
        Console.WriteLine($"done: {epochs} epochs, {valid.Count} validation rows");
    }
}
