// Scenario: per-step LR warmup + inverse-sqrt decay computed in the batch loop, with `if (step == 0) train.SetEpoch(epoch)` tucked into the same per-step block — wrong (set while iterating, one epoch late)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int epochs = 16;
const int warmupSteps = 2_000;
const double peakLr = 5e-4;

using var corpus = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.load("data/tokens.pt"),     // N x 128 token ids
    ["label"] = torch.load("data/sentiment.pt"), // N int64
});
using var train = new EpochDataLoader(corpus, batchSize: 32, shuffle: true, seed: 8, dropLast: true);

var model = new BagClassifier(vocabulary: 30_000, dim: 256, classes: 2);
var optimizer = torch.optim.Adam(model.parameters(), peakLr, beta1: 0.9, beta2: 0.98);

long globalStep = 0;
for (int epoch = 0; epoch < epochs; epoch++)
{
    model.train();
    int step = 0;
    double sum = 0;
    foreach (var batch in train)
    {
        if (step == 0)
        {
            train.SetEpoch(epoch); //! CMP005
            Console.WriteLine($"== epoch {epoch} (global step {globalStep})");
        }

        // Noam-style: linear warmup, then 1/sqrt(step)
        long s = globalStep + 1;
        double lr = peakLr * Math.Min(s / (double)warmupSteps, Math.Sqrt(warmupSteps / (double)s));
        foreach (var g in optimizer.ParamGroups) g.LearningRate = lr;

        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        nn.utils.clip_grad_norm_(model.parameters(), 1.0);
        optimizer.step();

        sum += loss.item<float>();
        step++;
        globalStep++;
    }
    Console.WriteLine($"epoch {epoch}: mean loss {sum / step:F4}");
    model.save($"checkpoints/bag_epoch{epoch:D2}.bin");
}

sealed class BagClassifier : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Embedding _embed;
    private readonly TorchSharp.Modules.Linear _hidden;
    private readonly TorchSharp.Modules.Linear _out;

    public BagClassifier(long vocabulary, long dim, long classes) : base(nameof(BagClassifier))
    {
        _embed = nn.Embedding(vocabulary, dim);
        _hidden = nn.Linear(dim, dim);
        _out = nn.Linear(dim, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor tokens)
    {
        var pooled = _embed.forward(tokens).mean([1]);   // mean over the sequence
        return _out.forward(nn.functional.relu(_hidden.forward(pooled)));
    }
}
