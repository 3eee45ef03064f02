// Scenario: a training worker runs one epoch per message it reads, `await foreach (var command in commands.ReadAllAsync(ct))`, over a shuffling loader whose epoch it never sets: wrong - CMP002. The loop has no counter: the fix declares `var epoch = 0;` before it and passes `epoch++`.
using System.Threading.Channels;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam21.AwaitForeachCommandsNoCounter;

public sealed record TrainCommand(double LearningRate);

public sealed class TrainingWorker(InMemoryDataset data)
{
    private readonly EpochDataLoader _train = new(data, batchSize: 32, shuffle: true, seed: 314);
    private readonly nn.Module<Tensor, Tensor> _model = nn.Linear(6, 2);

    public async Task RunAsync(ChannelReader<TrainCommand> commands, CancellationToken ct)
    {
        await foreach (var command in commands.ReadAllAsync(ct))
        {
            var optimizer = optim.SGD(_model.parameters(), learningRate: command.LearningRate);
            foreach (var batch in _train) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            await Task.Yield();
        }
    }
}
