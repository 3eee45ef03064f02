// Scenario: curriculum stages over TorchSharp's DataLoader, rebuilt at every epoch of every stage with seed 1000 * stage + epoch, so each epoch draws a new reproducible order: right.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lab.Curriculum;

public sealed class PacedCurriculum
{
    private readonly torch.utils.data.Dataset[] _stageSets;
    private readonly int[] _stageEpochs;

    public PacedCurriculum(torch.utils.data.Dataset[] stageSets, int[] stageEpochs)
    {
        if (stageSets.Length != stageEpochs.Length) throw new ArgumentException("one epoch count per stage", nameof(stageEpochs));
        _stageSets = stageSets;
        _stageEpochs = stageEpochs;
    }

    public void Train(nn.Module<Tensor, Tensor> model, double baseLr = 0.1)
    {
        using var optimizer = optim.SGD(model.parameters(), baseLr, momentum: 0.9);
        for (int stage = 0; stage < _stageSets.Length; stage++)
        {
            var lr = baseLr * Math.Pow(0.5, stage);
            foreach (var g in optimizer.ParamGroups) g.LearningRate = lr;

            for (int epoch = 0; epoch < _stageEpochs[stage]; epoch++)
            {
                using var loader = new DataLoader(_stageSets[stage], 128, shuffle: true, seed: 1000 * stage + epoch);
                model.train();
                int steps = 0;
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                    steps++;
                }
                Console.WriteLine($"stage {stage} (lr {lr:G3}) epoch {epoch}: {steps} steps");
            }
        }
    }
}
