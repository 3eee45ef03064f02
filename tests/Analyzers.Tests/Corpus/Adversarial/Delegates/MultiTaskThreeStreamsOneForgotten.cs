// Scenario: a multi-task trainer holds three TaskStream fields (topic, sentiment, language), each with its own RandomSampler loader; the epoch loop sets two of them and zips all three, so the language stream repeats its order (wrong for _language.Loader).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind11.MultiTaskThreeStreamsOneForgotten;

public sealed class TaskStream
{
    public EpochDataLoader Loader { get; }
    public nn.Module<Tensor, Tensor> Head { get; }

    public TaskStream(InMemoryDataset data, int classes, int seed)
    {
        Loader = new EpochDataLoader(data, batchSize: 64, sampler: new RandomSampler(data.Count, seed: seed));
        Head = nn.Linear(128, classes);
    }
}

public sealed class MultiTaskTrainer
{
    private readonly nn.Module<Tensor, Tensor> _encoder = nn.Sequential(nn.Linear(300, 128), nn.ReLU());
    private readonly TaskStream _topic;
    private readonly TaskStream _sentiment;
    private readonly TaskStream _language;

    public MultiTaskTrainer(InMemoryDataset topics, InMemoryDataset reviews, InMemoryDataset languages)
    {
        _topic = new TaskStream(topics, classes: 20, seed: 1);
        _sentiment = new TaskStream(reviews, classes: 3, seed: 2);
        _language = new TaskStream(languages, classes: 12, seed: 3);
    }

    private Tensor TaskLoss(TaskStream task, Dictionary<string, Tensor> batch) =>
        nn.functional.cross_entropy(task.Head.forward(_encoder.forward(batch["data"])), batch["label"]);

    public void Fit(int epochs)
    {
        var parameters = _encoder.parameters()
            .Concat(_topic.Head.parameters()).Concat(_sentiment.Head.parameters()).Concat(_language.Head.parameters());
        var optimizer = optim.Adam(parameters, lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _topic.Loader.SetEpoch(epoch);
            Epochs.SetEpoch(_sentiment.Loader, epoch);

            foreach (var (t, s, l) in _topic.Loader.Zip(_sentiment.Loader, _language.Loader)) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = TaskLoss(_topic, t) + 0.5f * TaskLoss(_sentiment, s) + 0.5f * TaskLoss(_language, l);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch} finished");
        }
    }
}
