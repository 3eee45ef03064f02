// Scenario: a resumable training job loads its checkpointed epoch into a local and loops from it, but passes that start epoch (not the loop's epoch) to SetEpoch on every pass — wrong (CMP004).
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Fabrikam.Pipelines.Resume;

public sealed record TrainingCheckpoint(int Epoch, long BatchInEpoch, string WeightsPath)
{
    public static TrainingCheckpoint LoadOrDefault(string path) =>
        File.Exists(path)
            ? JsonSerializer.Deserialize<TrainingCheckpoint>(File.ReadAllText(path))!
            : new TrainingCheckpoint(0, 0, "");

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this));
}

public sealed class ResumableJob(nn.Module<Tensor, Tensor> model, string checkpointPath, int maxEpochs)
{
    public void Run(InMemoryDataset data)
    {
        using var loader = new EpochDataLoader(data, batchSize: 256, shuffle: true, seed: 99, workers: 2);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var lossFn = nn.MSELoss();

        var state = TrainingCheckpoint.LoadOrDefault(checkpointPath);
        if (state.WeightsPath.Length > 0) model.load(state.WeightsPath);
        int resumeEpoch = state.Epoch;

        for (int epoch = resumeEpoch; epoch < maxEpochs; epoch++)
        {
            loader.SetEpoch(resumeEpoch); //! CMP004
            long first = epoch == resumeEpoch ? state.BatchInEpoch : 0;
            long seen = first;

            foreach (var batch in loader.IterateFrom(first))
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var loss = lossFn.call(model.call(batch["data"]), batch["target"]);
                loss.backward();
                optimizer.step();

                if (++seen % 500 == 0)
                {
                    string weights = Path.ChangeExtension(checkpointPath, $".e{epoch}.b{seen}.bin");
                    model.save(weights);
                    state = new TrainingCheckpoint(epoch, seen, weights);
                    state.Save(checkpointPath);
                }
            }

            string epochWeights = Path.ChangeExtension(checkpointPath, $".e{epoch + 1}.bin");
            model.save(epochWeights);
            state = new TrainingCheckpoint(epoch + 1, 0, epochWeights);
            state.Save(checkpointPath);
        }
    }
}
