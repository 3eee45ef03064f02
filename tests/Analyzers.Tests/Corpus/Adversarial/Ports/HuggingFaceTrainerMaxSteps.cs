// Scenario: HuggingFace Trainer-style class: max_steps drives a while loop over the global step, the epoch is computed as globalStep / stepsPerEpoch on each pass and set on the whole loader before resuming with IterateFrom — correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.HuggingFaceTrainerMaxSteps;

public sealed record TrainingArguments(
    int PerDeviceTrainBatchSize = 8, int GradientAccumulationSteps = 4, int MaxSteps = -1, double NumTrainEpochs = 3,
    double LearningRate = 5e-5, int Seed = 42, bool DataloaderDropLast = false, int LoggingSteps = 50);

public sealed class TrainerState
{
    public int GlobalStep { get; set; }
    public List<double> LogHistory { get; } = new();
}

public sealed class HfStyleTrainer
{
    private readonly TrainingArguments _args;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly EpochDataLoader _trainDataloader;
    private readonly TrainerState _state = new();

    public HfStyleTrainer(nn.Module<Tensor, Tensor> model, InMemoryDataset trainDataset, TrainingArguments args)
    {
        _model = model;
        _args = args;
        _trainDataloader = new EpochDataLoader(trainDataset, batchSize: args.PerDeviceTrainBatchSize,
            shuffle: true, seed: args.Seed, dropLast: args.DataloaderDropLast);
    }

    public TrainerState Train(int resumeFromGlobalStep = 0)
    {
        long stepsPerEpoch = Math.Max(_trainDataloader.Count / _args.GradientAccumulationSteps, 1);
        long maxSteps = _args.MaxSteps > 0 ? _args.MaxSteps : (long)Math.Ceiling(_args.NumTrainEpochs * stepsPerEpoch);
        var optimizer = optim.AdamW(_model.parameters(), _args.LearningRate);

        int globalStep = resumeFromGlobalStep;
        while (globalStep < maxSteps)
        {
            int epoch = (int)(globalStep / stepsPerEpoch);
            long stepsTrainedInEpoch = globalStep % stepsPerEpoch;
            _trainDataloader.SetEpoch(epoch);

            // skip_first_batches: the batches of updates already done in this epoch
            long skip = stepsTrainedInEpoch * _args.GradientAccumulationSteps;
            foreach (var (inputs, step) in _trainDataloader.IterateFrom(skip).Select((b, i) => (b, i)))
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.call(inputs["input_ids"]), inputs["labels"]) / _args.GradientAccumulationSteps;
                loss.backward();
                if ((step + 1) % _args.GradientAccumulationSteps != 0) continue;

                optimizer.step();
                optimizer.zero_grad();
                globalStep++;
                if (globalStep % _args.LoggingSteps == 0) _state.LogHistory.Add(loss.item<float>());
                if (globalStep >= maxSteps) break;
            }
        }

        _state.GlobalStep = globalStep;
        return _state;
    }
}
