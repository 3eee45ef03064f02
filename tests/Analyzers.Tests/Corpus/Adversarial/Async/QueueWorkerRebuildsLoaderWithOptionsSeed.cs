// Scenario: a job-queue worker awaits training requests from a Channel and, per epoch, rebuilds TorchSharp's loader with torch.utils.data.DataLoader(…, shuffle: true, seed: _options.Seed); the seed is the same on every pass, so each rebuilt loader repeats the same order — wrong (CMP003).
using System.Threading.Channels;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.Jobs;

public sealed class WorkerOptions
{
    public int BatchSize { get; init; } = 64;
    public int Seed { get; init; } = 1337;
    public double LearningRate { get; init; } = 1e-3;
}

public sealed record TrainRequest(string Name, Tensor Inputs, Tensor Targets, int Epochs);

public sealed class TrainingQueueWorker
{
    private readonly ChannelReader<TrainRequest> _requests;
    private readonly WorkerOptions _options;

    public TrainingQueueWorker(ChannelReader<TrainRequest> requests, WorkerOptions options)
    {
        _requests = requests;
        _options = options;
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in _requests.ReadAllAsync(stoppingToken))
        {
            try
            {
                await Task.Run(() => Train(request, stoppingToken), stoppingToken);
                Console.WriteLine($"{request.Name}: done");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                Console.WriteLine($"{request.Name}: cancelled at shutdown");
                throw;
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine($"{request.Name}: failed: {ex.Message}");
            }
        }
    }

    private void Train(TrainRequest request, CancellationToken ct)
    {
        using var dataset = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = request.Inputs, ["y"] = request.Targets });
        using var model = nn.Sequential(("fc1", nn.Linear(request.Inputs.shape[1], 64)), ("relu", nn.ReLU()), ("fc2", nn.Linear(64, 1)));
        using var optimizer = optim.Adam(model.parameters(), _options.LearningRate);

        for (int epoch = 0; epoch < request.Epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            // fresh loader each epoch so a changed batch size in the options takes effect
            using var loader = torch.utils.data.DataLoader(dataset, _options.BatchSize, shuffle: true, seed: _options.Seed, disposeDataset: false); //! CMP003
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(batch["x"]).squeeze(-1), batch["y"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
