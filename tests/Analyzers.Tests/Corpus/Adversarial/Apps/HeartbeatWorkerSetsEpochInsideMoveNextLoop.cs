// Scenario: a worker that pulls batches with an explicit enumerator (to send heartbeats and honour cancellation between batches) calls Epochs.SetEpoch on the loader at step 0, inside its while (MoveNext()) loop — wrong, CMP005 (set one epoch late).
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Fleet.TrainerAgent;

public interface IHeartbeat
{
    void Beat(string phase, long step);
}

public sealed class IntentClassifier : nn.Module<Tensor, Tensor>
{
    private readonly Embedding _embed = nn.Embedding(20_000, 64);
    private readonly Linear _out = nn.Linear(64, 24);

    public IntentClassifier() : base(nameof(IntentClassifier)) => RegisterComponents();

    // tokens: [batch, length] of token ids; mean-pool the embeddings
    public override Tensor forward(Tensor tokens) => _out.forward(_embed.forward(tokens).mean([1]));
}

public sealed class AgentTrainingLoop
{
    private static readonly TimeSpan BeatEvery = TimeSpan.FromSeconds(10);

    private readonly IHeartbeat _heartbeat;

    public AgentTrainingLoop(IHeartbeat heartbeat) => _heartbeat = heartbeat;

    public IntentClassifier Run(InMemoryDataset utterances, int epochs, CancellationToken stoppingToken)
    {
        var shard = new DistributedSampler(utterances.Count, numReplicas: 1, rank: 0, seed: 31);
        var loader = new EpochDataLoader(utterances, batchSampler: new BatchSampler(shard, 128), prefetch: true);
        var model = new IntentClassifier();
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var sinceBeat = Stopwatch.StartNew();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var batches = loader.GetEnumerator();
            long step = 0;
            while (batches.MoveNext())
            {
                if (step == 0) Epochs.SetEpoch(loader, epoch); //! CMP005
                stoppingToken.ThrowIfCancellationRequested();

                using var scope = NewDisposeScope();
                var batch = batches.Current;
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();

                if (sinceBeat.Elapsed >= BeatEvery)
                {
                    _heartbeat.Beat($"epoch {epoch}", step);
                    sinceBeat.Restart();
                }
                step++;
            }
        }

        return model;
    }
}
