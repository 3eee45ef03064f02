// Scenario: warm-up loop sets the epoch right, but the main loop restarts its counter at 0 and passes warmupEpochs (meant warmupEpochs + epoch), the same value every pass; a bug (CMP004).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var corpus = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randint(0, 1000, new long[] { 20_000, 32 }),
    ["label"] = randint(0, 1000, new long[] { 20_000, 32 }),
});
using var train = new EpochDataLoader(corpus, batchSize: 64, shuffle: true, seed: 31);

var model = nn.Sequential(nn.Embedding(1000, 64), nn.Linear(64, 1000));
var opt = optim.AdamW(model.parameters(), lr: 6e-4, weight_decay: 0.1);
int warmupEpochs = 2, mainEpochs = 10;

void Step(Dictionary<string, Tensor> batch)
{
    using var scope = NewDisposeScope();
    opt.zero_grad();
    var logits = model.call(batch["data"]);
    var loss = nn.functional.cross_entropy(logits.view(-1, 1000), batch["label"].view(-1));
    loss.backward();
    nn.utils.clip_grad_norm_(model.parameters(), 1.0);
    opt.step();
}

// warm-up at a tenth of the LR
foreach (var g in opt.ParamGroups) g.LearningRate = 6e-5;
for (int epoch = 0; epoch < warmupEpochs; epoch++)
{
    train.SetEpoch(epoch);
    foreach (var batch in train) Step(batch);
}

// main phase
foreach (var g in opt.ParamGroups) g.LearningRate = 6e-4;
for (int epoch = 0; epoch < mainEpochs; epoch++)
{
    Epochs.SetEpoch(train, warmupEpochs); //! CMP004
    foreach (var batch in train) Step(batch);
    Console.WriteLine($"main epoch {epoch} done");
}
