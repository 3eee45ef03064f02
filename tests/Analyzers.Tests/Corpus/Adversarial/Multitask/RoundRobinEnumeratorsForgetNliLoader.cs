// Scenario: a multi-task text classifier takes batches round-robin from three shuffled task loaders' enumerators; the epoch is set on the sentiment and topic loaders but the NLI loader is forgotten, so it replays epoch 0's order every epoch (wrong: CMP002 on its GetEnumerator).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

// Sentence embeddings were precomputed with the frozen encoder (768-d), one folder per task.
const int numEpochs = 8;
int[] classesPerTask = [2, 4, 3];
string[] taskNames = ["sst2", "agnews", "mnli"];

using var sst2 = LoadTask("data/embeddings/sst2");
using var agNews = LoadTask("data/embeddings/agnews");
using var mnli = LoadTask("data/embeddings/mnli");

using var sentimentLoader = new EpochDataLoader(sst2, batchSize: 64, shuffle: true, seed: 11);
using var topicLoader = new EpochDataLoader(agNews, batchSize: 64, shuffle: true, seed: 12);
using var nliLoader = new EpochDataLoader(mnli, batchSize: 64, shuffle: true, seed: 13);

var model = new SharedTrunkClassifier(768, 512, classesPerTask);
var optimizer = optim.AdamW(model.parameters(), lr: 2e-4, weight_decay: 0.01);

for (int epoch = 0; epoch < numEpochs; epoch++)
{
    model.train();
    sentimentLoader.SetEpoch(epoch);
    topicLoader.SetEpoch(epoch);

    using var sentimentIt = sentimentLoader.GetEnumerator();
    using var topicIt = topicLoader.GetEnumerator();
    using var nliIt = nliLoader.GetEnumerator(); //! CMP002
    var iterators = new IEnumerator<Dictionary<string, Tensor>>[] { sentimentIt, topicIt, nliIt };
    var exhausted = new bool[iterators.Length];
    var lossSum = new double[iterators.Length];
    var steps = new int[iterators.Length];

    // round-robin: one batch of each task in turn until every task ran out
    while (exhausted.Any(done => !done))
    {
        for (int task = 0; task < iterators.Length; task++)
        {
            if (exhausted[task]) continue;
            if (!iterators[task].MoveNext()) { exhausted[task] = true; continue; }

            using var scope = torch.NewDisposeScope();
            var batch = iterators[task].Current;
            optimizer.zero_grad();
            var logits = model.call(batch["features"], task);
            var loss = nn.functional.cross_entropy(logits, batch["label"]);
            loss.backward();
            optimizer.step();
            lossSum[task] += loss.item<float>();
            steps[task]++;
        }
    }

    var summary = string.Join("  ", taskNames.Select((name, t) => $"{name}={lossSum[t] / Math.Max(1, steps[t]):F4}"));
    Console.WriteLine($"epoch {epoch}: {summary}");
}

static InMemoryDataset LoadTask(string folder) => new(new Dictionary<string, Tensor>
{
    ["features"] = torch.load(Path.Combine(folder, "features.pt")),
    ["label"] = torch.load(Path.Combine(folder, "labels.pt")),
});

sealed class SharedTrunkClassifier : nn.Module<Tensor, int, Tensor>
{
    private readonly Sequential trunk;
    private readonly ModuleList<Linear> heads;

    public SharedTrunkClassifier(int inputDim, int hidden, int[] classesPerTask) : base(nameof(SharedTrunkClassifier))
    {
        trunk = nn.Sequential(nn.Linear(inputDim, hidden), nn.GELU(), nn.Dropout(0.1));
        heads = nn.ModuleList(classesPerTask.Select(c => nn.Linear(hidden, c)).ToArray());
        RegisterComponents();
    }

    public override Tensor forward(Tensor features, int task) => heads[task].call(trunk.call(features));
}
