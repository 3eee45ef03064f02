// Scenario: a resumed for loop runs from startEpoch but passes startEpoch (not the loop variable) to SetEpoch, so every resumed epoch has the same order: bug.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Resume;

public static class ResumeFromCheckpoint
{
    public static void Resume(string checkpoint, InMemoryDataset data, int maxEpochs)
    {
        int startEpoch = int.Parse(Path.GetFileNameWithoutExtension(checkpoint).Replace("epoch", "")) + 1;

        var model = nn.Sequential(("fc1", nn.Linear(20, 100)), ("relu", nn.ReLU()), ("fc2", nn.Linear(100, 5)));
        model.load(checkpoint);
        var optimizer = optim.Adam(model.parameters(), lr: 5e-4);
        var sampler = new DistributedSampler(data.Count, seed: 99);
        using var loader = new EpochDataLoader(data, batchSize: 128, sampler: sampler);

        for (int epoch = startEpoch; epoch < maxEpochs; epoch++)
        {
            loader.SetEpoch(startEpoch); //! CMP004
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            model.save($"checkpoints/epoch{epoch}.bin");
        }
    }
}
