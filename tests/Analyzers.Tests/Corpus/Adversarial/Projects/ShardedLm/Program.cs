using Composer.Data;
using ShardedLm;
using static TorchSharp.torch;

const int Vocab = 512, Block = 65;
int epochs = args.Length > 0 ? int.Parse(args[0]) : 3;

using var blocks = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randint(0, Vocab, [2048, Block], dtype: ScalarType.Int64),
});
var model = nn.Sequential(nn.Embedding(Vocab, 128), nn.Linear(128, Vocab));
using var optimizer = optim.AdamW(model.parameters(), 3e-4);

using EpochDataLoader train = blocks.ShardedLoader(batchSize: 32, seed: 5);
Console.WriteLine($"{train.TokensPerEpoch(Block)} tokens per epoch on this rank");
new ShardedTrainer(train, model, optimizer).Fit(epochs);

// Two short fine-tuning passes on the same blocks, through the extension helper.
using EpochDataLoader tune = blocks.ShardedLoader(16, seed: 9);
for (int epoch = 0; epoch < 2; epoch++)
{
    tune.PrepareEpoch(0);
    foreach (var batch in tune)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var tokens = batch["data"];
        var loss = nn.functional.cross_entropy(model.call(tokens[.., ..^1]).flatten(0, 1), tokens[.., 1..].flatten());
        loss.backward();
        optimizer.step();
    }
}
