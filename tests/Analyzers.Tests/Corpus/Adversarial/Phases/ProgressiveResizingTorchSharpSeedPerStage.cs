// Scenario: progressive resizing with TorchSharp's DataLoader rebuilt per stage with seed 500 + stage, then iterated for several epochs of the stage: those epochs repeat one order; a bug (CMP003: an epoch loop inside the stage loop iterates the loader built before it; the held-out author labelled it by the page of the day, which did not flag it, and named it as a missed bug).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lab.Resizing;

public sealed class FixResStages(nn.Module<Tensor, Tensor> net, Tensor images, Tensor labels)
{
    public int[] Sizes { get; init; } = [64, 96, 128];
    public int EpochsPerStage { get; init; } = 3;

    public void Run()
    {
        using var optimizer = optim.AdamW(net.parameters(), 1e-3, weight_decay: 0.05);
        for (int stage = 0; stage < Sizes.Length; stage++)
        {
            int size = Sizes[stage];
            int batchSize = 256 * 64 * 64 / (size * size);
            using var scaled = nn.functional.interpolate(images, size: new long[] { size, size }, mode: InterpolationMode.Bilinear);
            using var stageData = new InMemoryDataset(new Dictionary<string, Tensor>
            {
                ["data"] = scaled.clone(),
                ["label"] = labels.alias(),
            });
            using var loader = new DataLoader(stageData, batchSize, shuffle: true, seed: 500 + stage); //! CMP003

            for (int epoch = 0; epoch < EpochsPerStage; epoch++)
            {
                net.train();
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(net.call(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
                Console.WriteLine($"{size}px stage, epoch {epoch}");
            }
        }
    }
}
