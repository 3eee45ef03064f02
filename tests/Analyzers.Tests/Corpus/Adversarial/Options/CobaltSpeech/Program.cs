using Cobalt.Speech.Data;
using Cobalt.Speech.Training;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

int epochs = args.Length > 0 ? int.Parse(args[0]) : 3;
using var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["features"] = randn(512, 40),
    ["frames"] = randint(50, 400, 512, dtype: ScalarType.Int64),
    ["label"] = randint(0, 10, 512, dtype: ScalarType.Int64),
});

var model = nn.Sequential(nn.Linear(40, 64), nn.ReLU(), nn.Linear(64, 10));
using var optimizer = optim.Adam(model.parameters(), 1e-3);
var trainer = new AsrTrainer(model, optimizer);
trainer.FitBuckets(data, epochs);

var order = new RandomSampler(data.Count, seed: 99);
var bucketed = new BucketedLoader(data, order, maxFrames: 8_000);
for (int epoch = 0; epoch < epochs; epoch++)
{
    order.SetEpoch(epoch);
    int batches = bucketed.Count();
    Console.WriteLine($"epoch {epoch}: {batches} buckets");
}
