// Scenario: a do/while training loop sets the epoch through Epochs.SetEpoch with a counter it advances at the bottom of each pass: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var columns = new Dictionary<string, Tensor>
{
    ["data"] = torch.randn(4096, 16),
    ["label"] = torch.randint(0, 3, new long[] { 4096 }, dtype: ScalarType.Int64),
};
using var data = new InMemoryDataset(columns);
using var loader = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 2024);

var model = nn.Sequential(("fc1", nn.Linear(16, 48)), ("relu", nn.ReLU()), ("fc2", nn.Linear(48, 3)));
var optimizer = optim.AdamW(model.parameters(), lr: 2e-3, weight_decay: 0.01);
var scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 5, gamma: 0.5);

int epoch = 0;
double accuracy;
do
{
    Epochs.SetEpoch(loader, epoch);
    long correct = 0, seen = 0;
    foreach (var batch in loader)
    {
        optimizer.zero_grad();
        using var logits = model.forward(batch["data"]);
        using var loss = nn.functional.cross_entropy(logits, batch["label"]);
        loss.backward();
        optimizer.step();
        using var hits = logits.argmax(1).eq(batch["label"]);
        correct += hits.sum().item<long>();
        seen += batch["label"].shape[0];
    }
    scheduler.step();
    accuracy = (double)correct / seen;
    Console.WriteLine($"epoch {epoch} train accuracy {accuracy:P1}");
    epoch += 1;
}
while (accuracy < 0.95 && epoch < 30);
