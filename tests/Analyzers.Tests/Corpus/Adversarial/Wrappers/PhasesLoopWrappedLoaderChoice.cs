// Scenario: PyTorch's transfer-learning tutorial ported: a phases loop picks `phase == "train" ? train : val` and streams it through a tqdm-like iterator; train's epoch is set before the phases loop, val does not shuffle: correct (the README's phases-loop case).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wrappers.PhasesLoop;

public static class TransferLearning
{
    private static IEnumerable<T> Tqdm<T>(IEnumerable<T> source, string desc)
    {
        int n = 0;
        foreach (var item in source)
        {
            if (++n % 10 == 0) Console.Error.Write($"\r{desc}: {n}");
            yield return item;
        }
        Console.Error.WriteLine();
    }

    public static void TrainModel(nn.Module<Tensor, Tensor> model, InMemoryDataset trainSet, InMemoryDataset valSet, optim.Optimizer optimizer, int numEpochs = 25)
    {
        using var train = new EpochDataLoader(trainSet, batchSize: 4, shuffle: true, seed: 0, workers: 4);
        using var val = new EpochDataLoader(valSet, batchSize: 4, shuffle: false, workers: 4);
        double bestAcc = 0;

        for (int epoch = 0; epoch < numEpochs; epoch++)
        {
            Console.WriteLine($"Epoch {epoch}/{numEpochs - 1}");
            train.SetEpoch(epoch);
            foreach (var phase in new[] { "train", "val" })
            {
                var loader = phase == "train" ? train : val;
                model.train(phase == "train");
                long corrects = 0, seen = 0;
                foreach (var batch in Tqdm(loader, $"{phase} {epoch}"))
                {
                    using var scope = NewDisposeScope();
                    using var grad = set_grad_enabled(phase == "train");
                    var outputs = model.call(batch["data"]);
                    var loss = nn.functional.cross_entropy(outputs, batch["label"]);
                    if (phase == "train")
                    {
                        optimizer.zero_grad();
                        loss.backward();
                        optimizer.step();
                    }
                    corrects += outputs.argmax(1).eq(batch["label"]).sum().item<long>();
                    seen += batch["label"].shape[0];
                }
                double acc = (double)corrects / Math.Max(1, seen);
                if (phase == "val" && acc > bestAcc) bestAcc = acc;
            }
        }
        Console.WriteLine($"Best val Acc: {bestAcc:F4}");
    }
}
