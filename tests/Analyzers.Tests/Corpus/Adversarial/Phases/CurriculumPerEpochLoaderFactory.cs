// Scenario: curriculum (stage × epoch) over TorchSharp's DataLoader built by a per-epoch factory ForEpoch(data, epoch) seeded 7 + epoch, called every epoch with a global epoch counter that continues across stages: right.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lab.Curriculum;

public static class CompetenceCurriculum
{
    // One loader per epoch: a new reproducible order each time.
    public static DataLoader ForEpoch(torch.utils.data.Dataset data, int epoch) =>
        new DataLoader(data, 64, shuffle: true, seed: 7 + epoch);

    public static void Train(nn.Module<Tensor, Tensor> model, IReadOnlyList<torch.utils.data.Dataset> stages, int epochsPerStage)
    {
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        int globalEpoch = 0;
        foreach (var stageData in stages)
        {
            for (int e = 0; e < epochsPerStage; e++)
            {
                using var loader = ForEpoch(stageData, globalEpoch);
                model.train();
                double sum = 0;
                int n = 0;
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                    sum += loss.item<float>();
                    n++;
                }
                Console.WriteLine($"epoch {globalEpoch} ({stageData.Count} samples): {sum / Math.Max(1, n):F4}");
                globalEpoch++;
            }
        }
    }
}
