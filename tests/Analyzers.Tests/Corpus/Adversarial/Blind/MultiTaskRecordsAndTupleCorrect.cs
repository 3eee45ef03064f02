// Scenario: multi-task fine-tuning keeps per-task loaders in a list of TaskSpec records (each set and iterated in a loop over tasks) plus an auxiliary MLM loader declared by tuple deconstruction, set before a Take(); correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut2.Blind.MultiTaskRecordsAndTupleCorrect;

public sealed record TaskSpec(string Name, EpochDataLoader Loader, nn.Module<Tensor, Tensor> Head, double Weight);

public sealed class MultiTaskFineTuner
{
    private readonly nn.Module<Tensor, Tensor> _encoder;
    private readonly List<TaskSpec> _tasks;
    private readonly InMemoryDataset _corpus;

    public MultiTaskFineTuner(nn.Module<Tensor, Tensor> encoder, InMemoryDataset sentiment, InMemoryDataset topics, InMemoryDataset corpus)
    {
        _encoder = encoder;
        _corpus = corpus;
        _tasks = new List<TaskSpec>
        {
            new("sentiment", new EpochDataLoader(sentiment, 32, shuffle: true, seed: 11), nn.Linear(256, 2), 1.0),
            new("topic", new EpochDataLoader(topics, 32, shuffle: true, seed: 12), nn.Linear(256, 20), 0.5),
        };
    }

    public void Train(int epochs, int mlmStepsPerEpoch = 200)
    {
        var parameters = _encoder.parameters().Concat(_tasks.SelectMany(t => t.Head.parameters()));
        var optimizer = optim.AdamW(parameters, 2e-5, weight_decay: 0.01);
        var mlmHead = nn.Linear(256, 30_000);
        var (mlm, mlmSteps) = (new EpochDataLoader(_corpus, 64, shuffle: true, seed: 9), mlmStepsPerEpoch);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var losses = new Dictionary<string, double>();
            foreach (var task in _tasks)
            {
                task.Loader.SetEpoch(epoch);
                double sum = 0;
                foreach (var batch in task.Loader)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var logits = task.Head.call(_encoder.call(batch["features"]));
                    var loss = task.Weight * nn.functional.cross_entropy(logits, batch["label"]);
                    loss.backward();
                    optimizer.step();
                    sum += loss.item<float>();
                }
                losses[task.Name] = sum / Math.Max(1, task.Loader.Count);
            }

            mlm.SetEpoch(epoch);
            double mlmSum = 0;
            foreach (var batch in mlm.Take(mlmSteps))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var hidden = _encoder.call(batch["features"]);
                var loss = nn.functional.cross_entropy(mlmHead.call(hidden), batch["masked_token"], ignore_index: -100);
                loss.backward();
                optimizer.step();
                mlmSum += loss.item<float>();
            }
            losses["mlm"] = mlmSum / mlmSteps;

            Console.WriteLine($"epoch {epoch}: " + string.Join(" | ", losses.Select(kv => $"{kv.Key} {kv.Value:F4}")));
        }
        mlm.Dispose();
    }
}
