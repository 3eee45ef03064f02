// Scenario: a run resumed mid-epoch sets the train loader's epoch once before a while (true) loop and iterates IterateFrom(skip) in it; each pass also rebuilds an augmentation loader and a TorchSharp preview loader with the config's fixed seed — wrong: train and aug replay one order, the preview loader repeats its order.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Blind10.ResumeSetOnceBeforeWhileTrueAndRebuiltLoaders;

public sealed record ResumeInfo(int Epoch, long BatchesDone);

public sealed class RunOptions
{
    public int Seed { get; set; } = 1234;
    public int PreviewSeed { get; set; } = 99;
    public int Epochs { get; set; } = 30;
}

public static class Program
{
    public static void Main()
    {
        var options = new RunOptions();
        var resume = new ResumeInfo(Epoch: 7, BatchesDone: 120);
        using var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(16_000, 30), ["label"] = randint(0, 8, new long[] { 16_000 }) });
        using var augSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(4_000, 30), ["label"] = randint(0, 8, new long[] { 4_000 }) });
        using var previewSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(500, 30), ["label"] = randint(0, 8, new long[] { 500 }) });

        using var train = new EpochDataLoader(trainSet, batchSize: 100, shuffle: true, seed: options.Seed);
        var model = nn.Sequential(("fc1", nn.Linear(30, 60)), ("act", nn.ReLU()), ("fc2", nn.Linear(60, 8)));
        var optimizer = optim.SGD(model.parameters(), 0.1);

        void Step(Dictionary<string, Tensor> batch)
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }

        train.SetEpoch(resume.Epoch);
        long skip = resume.BatchesDone;
        int finished = resume.Epoch;
        while (true)
        {
            foreach (var batch in train.IterateFrom(skip)) //! CMP002
                Step(batch);
            skip = 0;

            using (var aug = new EpochDataLoader(augSet, batchSize: 50, shuffle: true, seed: options.Seed))
            {
                foreach (var batch in aug.Take(20)) //! CMP002
                    Step(batch);
            }

            using var preview = new DataLoader(previewSet, 16, shuffle: true, seed: options.PreviewSeed); //! CMP003
            var sample = preview.First();
            Console.WriteLine($"epoch {finished}: preview logits {model.forward(sample["data"]).argmax(1).str()}");

            if (++finished >= options.Epochs) break;
        }
    }
}
