// Scenario: curriculum learning; a per-stage factory builds TorchSharp's DataLoader with shuffle and seed 100 + stage, and each stage trains several epochs on it: the seed is fixed for the loader's life (a parameter not named for the epoch): wrong (CMP003).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lab.Curriculum;

public sealed class CurriculumSchedule
{
    private readonly List<(torch.utils.data.Dataset Data, int Epochs)> _stages = new();

    // Easiest samples first: the caller adds stages sorted by a difficulty score.
    public CurriculumSchedule Add(torch.utils.data.Dataset stageData, int epochs)
    {
        _stages.Add((stageData, epochs));
        return this;
    }

    public IReadOnlyList<(torch.utils.data.Dataset Data, int Epochs)> Stages => _stages;

    public static DataLoader MakeStageLoader(torch.utils.data.Dataset data, int stage) =>
        new DataLoader(data, 128, shuffle: true, seed: 100 + stage); //! CMP003
}

public static class CurriculumTrainer
{
    public static void Fit(nn.Module<Tensor, Tensor> model, CurriculumSchedule schedule)
    {
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        for (int stage = 0; stage < schedule.Stages.Count; stage++)
        {
            var (data, epochs) = schedule.Stages[stage];
            using var loader = CurriculumSchedule.MakeStageLoader(data, stage);
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                model.train();
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
            }
            Console.WriteLine($"stage {stage} done ({data.Count} samples, {epochs} epochs)");
        }
    }
}
