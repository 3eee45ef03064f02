// Scenario: a length-based curriculum keeps one shuffling loader per stage in a Dictionary and, inside each epoch, loops over the active stages setting each stage loader's epoch before iterating it; correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut2.Blind.CurriculumDictionaryStagesCorrect;

public sealed class LengthCurriculum : IDisposable
{
    private readonly Dictionary<string, EpochDataLoader> _stages;
    private readonly Dictionary<string, int> _unlockEpoch = new() { ["short"] = 0, ["medium"] = 3, ["long"] = 6 };
    private readonly nn.Module<Tensor, Tensor> _model;

    public LengthCurriculum(IReadOnlyDictionary<string, InMemoryDataset> byLength, nn.Module<Tensor, Tensor> model)
    {
        _model = model;
        _stages = new Dictionary<string, EpochDataLoader>
        {
            ["short"] = new EpochDataLoader(byLength["short"], 64, shuffle: true, seed: 1),
            ["medium"] = new EpochDataLoader(byLength["medium"], 32, shuffle: true, seed: 2),
            ["long"] = new EpochDataLoader(byLength["long"], 16, shuffle: true, seed: 3),
        };
    }

    public void Train(int epochs, double lr = 5e-4)
    {
        var optimizer = optim.Adam(_model.parameters(), lr);
        var scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, epochs);
        var perStage = new Dictionary<string, (double Loss, int Steps)>();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            perStage.Clear();
            _model.train();
            foreach (var kv in _stages)
            {
                if (epoch < _unlockEpoch[kv.Key]) continue;
                kv.Value.SetEpoch(epoch);
                double loss = 0;
                int steps = 0;
                foreach (var batch in kv.Value)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var logits = _model.call(batch["tokens"]);
                    var l = nn.functional.cross_entropy(logits, batch["label"], ignore_index: -100);
                    l.backward();
                    nn.utils.clip_grad_norm_(_model.parameters(), 0.5);
                    optimizer.step();
                    loss += l.item<float>();
                    steps++;
                }
                perStage[kv.Key] = (loss, steps);
            }
            scheduler.step();

            var summary = string.Join(", ", perStage.Select(p => $"{p.Key}: {p.Value.Loss / Math.Max(1, p.Value.Steps):F3} ({p.Value.Steps} steps)"));
            Console.WriteLine($"epoch {epoch}: {summary}");
            if (epoch % 5 == 4) _model.save($"curriculum-{epoch}.bin");
        }
    }

    public void Dispose()
    {
        foreach (var loader in _stages.Values) loader.Dispose();
    }
}
