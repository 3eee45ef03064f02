// Scenario: a trainer's constructor subscribes a lambda to the hub's EpochBegan event that calls its private BeginEpoch(epoch), which sets the shuffled loader's epoch and logs; Fit raises the event each epoch — correct, no finding (a lambda subscribed to an event counts on every pass, "also through the helpers it calls")
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam18.CtorLambdaCallsHelperSubscribed;

public sealed class EpochEventArgs(int epoch) : EventArgs
{
    public int Epoch { get; } = epoch;
}

public sealed class TrainingHub
{
    public event EventHandler<EpochEventArgs>? EpochBegan;
    public void Begin(int epoch) => EpochBegan?.Invoke(this, new EpochEventArgs(epoch));
}

public sealed class SpeechTrainer : IDisposable
{
    private readonly TrainingHub _hub;
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(80, 256), nn.GELU(), nn.Linear(256, 30));

    public SpeechTrainer(TrainingHub hub, InMemoryDataset frames)
    {
        _hub = hub;
        _train = new EpochDataLoader(frames, batchSize: 16, sampler: new RandomSampler(frames.Count, seed: 5));
        _hub.EpochBegan += (_, e) => BeginEpoch(e.Epoch);
    }

    private void BeginEpoch(int epoch)
    {
        _train.SetEpoch(epoch);
        Console.WriteLine($"[speech] epoch {epoch}: {_train.Count} batches");
    }

    public void Fit(int epochs)
    {
        using var optimizer = optim.Adam(_model.parameters(), lr: 1e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _hub.Begin(epoch);
            foreach (var batch in _train)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }

    public void Dispose()
    {
        _train.Dispose();
        _model.Dispose();
    }
}
