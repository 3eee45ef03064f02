// Scenario: training follows a plan of stages (frozen backbone, full fine-tune, low-LR polish); the label-noise schedule gets a global epoch counter that the pass advances, but the loader is given the stage index, which changes per stage and not per epoch: CMP004 on that call.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Acme.Stages;

public sealed record StagePlan(string Name, int Epochs, double Lr, bool FreezeBackbone);

/// <summary>Label-noise schedule: how many noisy labels to keep. SetEpoch(int), but no sampler.</summary>
public sealed class NoiseSchedule(double start, double end, int totalEpochs)
{
    public double KeepFraction { get; private set; } = start;
    public void SetEpoch(int epoch) =>
        KeepFraction = start + (end - start) * Math.Min(1.0, epoch / (double)Math.Max(1, totalEpochs - 1));
}

public sealed class Backbone : nn.Module<Tensor, Tensor>
{
    private readonly Linear _a;
    private readonly Linear _b;

    public Backbone() : base(nameof(Backbone))
    {
        _a = nn.Linear(20, 64);
        _b = nn.Linear(64, 32);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => nn.functional.relu(_b.forward(nn.functional.relu(_a.forward(x))));
}

public static class StagedTraining
{
    public static IReadOnlyList<StagePlan> DefaultPlan() => new[]
    {
        new StagePlan("head only", Epochs: 2, Lr: 1e-2, FreezeBackbone: true),
        new StagePlan("fine-tune", Epochs: 4, Lr: 1e-3, FreezeBackbone: false),
        new StagePlan("polish", Epochs: 2, Lr: 1e-4, FreezeBackbone: false),
    };

    public static void Run(IReadOnlyList<StagePlan> plan)
    {
        const long rows = 3000;
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(rows, 20),
            ["label"] = torch.randint(0, 6, new long[] { rows }),
            ["noisy"] = torch.rand(rows),
        });
        var train = new EpochDataLoader(data, batchSize: 64, sampler: new RandomSampler(rows, seed: 9));

        var backbone = new Backbone();
        var head = nn.Linear(32, 6);
        var parameters = backbone.parameters().Concat(head.parameters()).ToList();
        var optimizer = optim.AdamW(parameters, plan[0].Lr);
        var noise = new NoiseSchedule(start: 0.2, end: 1.0, totalEpochs: plan.Sum(p => p.Epochs));

        int globalEpoch = 0;
        for (int stage = 0; stage < plan.Count; stage++)
        {
            var spec = plan[stage];
            foreach (var p in backbone.parameters()) p.requires_grad = !spec.FreezeBackbone;
            foreach (var group in optimizer.ParamGroups) group.LearningRate = spec.Lr;
            Console.WriteLine($"stage {stage} '{spec.Name}': {spec.Epochs} epochs at lr {spec.Lr:E0}");

            for (int e = 0; e < spec.Epochs; e++)
            {
                noise.SetEpoch(globalEpoch);
                train.SetEpoch(stage); //! CMP004
                double sum = 0;
                long kept = 0;
                foreach (var batch in train)
                {
                    var keep = batch["noisy"] < noise.KeepFraction;
                    if (!keep.any().item<bool>()) continue;
                    optimizer.zero_grad();
                    var logits = head.forward(backbone.forward(batch["data"][keep]));
                    using var loss = nn.functional.cross_entropy(logits, batch["label"][keep]);
                    loss.backward();
                    optimizer.step();
                    sum += loss.item<float>();
                    kept += keep.sum().item<long>();
                }
                Console.WriteLine($"  epoch {globalEpoch}: loss {sum:F3} over {kept} kept samples");
                globalEpoch++;
            }
        }

        var trainable = parameters.Count(p => p.requires_grad);
        Console.WriteLine($"{trainable} of {parameters.Count} parameter tensors trainable at the end");
    }
}
