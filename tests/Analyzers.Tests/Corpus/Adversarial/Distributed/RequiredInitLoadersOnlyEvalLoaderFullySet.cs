// Scenario: a fine-tuning job gets Train and Eval loaders through `required init` properties set by its caller; the loop calls Eval.SetEpoch(epoch) but for Train only sets the epoch when Train.Sampler is a DistributedSampler: Train's batch sampler is never told (CMP001).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FineTune;

public sealed class FineTuneJob
{
    public required EpochDataLoader Train { get; init; }
    public required EpochDataLoader Eval { get; init; }
    public required Sequential Model { get; init; }
    public int Epochs { get; init; } = 5;

    public double Run()
    {
        var opt = optim.AdamW(Model.parameters(), lr: 5e-5, weight_decay: 0.05);
        var warmup = optim.lr_scheduler.LinearLR(opt, 0.1, 1.0, (int)Train.Count);
        using var reducer = new GradientAllReducer(Model);
        reducer.BroadcastParameters();
        double accuracy = 0;

        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            if (Train.Sampler is DistributedSampler distributed) distributed.SetEpoch(epoch); //! CMP001
            Eval.SetEpoch(epoch);

            Model.train();
            foreach (var batch in Train)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                nn.functional.cross_entropy(Model.forward(batch["data"]), batch["label"]).backward();
                reducer.AverageGradients();
                opt.step();
                warmup.step();
            }

            Model.eval();
            using (no_grad())
            {
                var stats = zeros(2, ScalarType.Float64);
                foreach (var batch in Eval)
                {
                    var hits = Model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum();
                    stats += stack([hits.to_type(ScalarType.Float64), tensor((double)batch["label"].shape[0])]);
                }
                Dist.AllReduce(stats);
                accuracy = (stats[0] / stats[1]).item<double>();
            }
        }
        return accuracy;
    }
}
