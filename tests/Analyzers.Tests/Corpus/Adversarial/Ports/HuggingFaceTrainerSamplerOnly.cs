// Scenario: HuggingFace Trainer's epoch loop ported to a class with a primary constructor: epochs come from max_steps, and the epoch is set only when trainDataloader.Sampler is a DistributedSampler — but the loader is handed in and may draw from a batch sampler (group_by_length), so the call misses it — wrong (CMP001).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.HuggingFaceTrainerSamplerOnly;

public sealed record TrainingArguments(int MaxSteps = -1, int NumTrainEpochs = 3, int GradientAccumulationSteps = 1, double LearningRate = 5e-5, double MaxGradNorm = 1.0);

public sealed class Trainer(nn.Module<Tensor, Tensor> model, EpochDataLoader trainDataloader, TrainingArguments args)
{
    private readonly optim.Optimizer _optimizer = optim.AdamW(model.parameters(), args.LearningRate);
    public int GlobalStep { get; private set; }

    public void Train(int resumeFromGlobalStep = 0)
    {
        long numUpdateStepsPerEpoch = Math.Max(trainDataloader.Count / args.GradientAccumulationSteps, 1);
        int numTrainEpochs = args.MaxSteps > 0
            ? (int)Math.Ceiling(args.MaxSteps / (double)numUpdateStepsPerEpoch)
            : args.NumTrainEpochs;
        long maxSteps = args.MaxSteps > 0 ? args.MaxSteps : numTrainEpochs * numUpdateStepsPerEpoch;

        GlobalStep = resumeFromGlobalStep;
        int epochsTrained = (int)(resumeFromGlobalStep / numUpdateStepsPerEpoch);

        for (int epoch = epochsTrained; epoch < numTrainEpochs; epoch++)
        {
            if (trainDataloader.Sampler is DistributedSampler sampler) sampler.SetEpoch(epoch); //! CMP001

            model.train();
            foreach (var (inputs, step) in trainDataloader.Select((b, i) => (b, i)))
            {
                using var scope = NewDisposeScope();
                var loss = TrainingStep(inputs);
                if ((step + 1) % args.GradientAccumulationSteps == 0)
                {
                    nn.utils.clip_grad_norm_(model.parameters(), args.MaxGradNorm);
                    _optimizer.step();
                    _optimizer.zero_grad();
                    GlobalStep++;
                }
                if (GlobalStep >= maxSteps) break;
            }
            if (GlobalStep >= maxSteps) break;
        }
    }

    private Tensor TrainingStep(Dictionary<string, Tensor> inputs)
    {
        var logits = model.call(inputs["input_ids"]);
        var loss = nn.functional.cross_entropy(logits, inputs["labels"]) / args.GradientAccumulationSteps;
        loss.backward();
        return loss;
    }
}
