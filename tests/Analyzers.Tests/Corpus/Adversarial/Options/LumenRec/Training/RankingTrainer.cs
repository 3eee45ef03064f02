using Composer.Data;
using Lumen.Rec.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lumen.Rec.Training;

public sealed class RankingTrainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
{
    public void FitClicks(IReadOnlyList<ClickEvent> clicks, int epochs)
    {
        var stream = new EventStream<ClickEvent>(clicks, new RandomSampler(clicks.Count, seed: 2024), 512);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            StreamControl.SetEpoch(stream, 0); //! CMP004 static SetEpoch of ours, read as a setter once epoch_setters is set
            foreach (var batch in stream) Train(batch);
        }
    }

    public void FitFunctional(IReadOnlyList<ClickEvent> clicks, int epochs)
    {
        var stream = new EventStream<ClickEvent>(clicks, new RandomSampler(clicks.Count, seed: 7), 512);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var losses = stream.Select((batch, step) =>
            {
                if (step == 0) StreamControl.SetEpoch(stream, epoch); //! CMP005 in a lambda passed to LINQ on the stream
                return Train(batch);
            }).ToList();
            Console.WriteLine($"epoch {epoch}: mean loss {losses.Average():F4}");
        }
    }

    public void FitResumed(IReadOnlyList<ClickEvent> views, int startEpoch, int epochs)
    {
        var stream = new EventStream<ClickEvent>(views, new DistributedSampler(views.Count, seed: 5), 256);
        void Begin(int e) => StreamControl.SetEpoch(stream, e); //! CMP004 Begin(startEpoch) in the loop hands it the same value each pass
        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            Begin(startEpoch);
            foreach (var batch in stream) Train(batch);
        }
    }

    public void FitPairs(EpochDataLoader pairs, int epochs, Action<Dictionary<string, Tensor>> step)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (pairs.Sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001
            foreach (var batch in pairs) step(batch);
        }
    }

    public static EpochDataLoader BuildPairLoader(InMemoryDataset pairs, IReadOnlyList<long> itemClasses)
    {
        return new EpochDataLoader(pairs, batchSize: 64, batchSampler: new ClassBalancedBatchSampler(itemClasses, 16, 4, seed: 1)); //! CMP006
    }

    private double Train(IReadOnlyList<ClickEvent> batch)
    {
        using var scope = NewDisposeScope();
        var users = tensor(batch.Select(b => b.UserId).ToArray());
        var items = tensor(batch.Select(b => b.ItemId).ToArray());
        var dwell = tensor(batch.Select(b => b.Dwell).ToArray());
        optimizer.zero_grad();
        var score = model.forward(stack([users.to_type(ScalarType.Float32), items.to_type(ScalarType.Float32)], 1)).squeeze(1);
        var loss = nn.functional.mse_loss(score, dwell);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}
