// Scenario: keyword spotting with an auxiliary speaker-ID task: the main task reads a runtime EpochDataLoader whose epoch is set every epoch, and the auxiliary task reads a TorchSharp DataLoader with shuffle: true and no seed, which draws a fresh order at every enumeration (correct: no diagnostic).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const int epochs = 12;
const double speakerWeight = 0.2;

using var keywords = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["mfcc"] = torch.load("data/kws/mfcc.pt"),          // [N, 40, 101]
    ["label"] = torch.load("data/kws/keyword.pt"),
});
var speakers = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["mfcc"] = torch.load("data/voxceleb-mini/mfcc.pt"),
    ["label"] = torch.load("data/voxceleb-mini/speaker.pt"),
});

using var keywordLoader = new EpochDataLoader(keywords, batchSize: 100, shuffle: true, seed: 2023);
// speaker clips only regularise the encoder; their order need not be reproducible
using var speakerLoader = new DataLoader(speakers, 100, shuffle: true);

var encoder = nn.Sequential(
    nn.Conv1d(40, 64, 5, padding: 2), nn.BatchNorm1d(64), nn.ReLU(),
    nn.Conv1d(64, 64, 5, padding: 2), nn.BatchNorm1d(64), nn.ReLU(),
    nn.AdaptiveAvgPool1d(1), nn.Flatten());
var keywordHead = nn.Linear(64, 12);
var speakerHead = nn.Linear(64, 250);
var optimizer = optim.Adam(encoder.parameters().Concat(keywordHead.parameters()).Concat(speakerHead.parameters()), 1e-3);

for (int epoch = 0; epoch < epochs; epoch++)
{
    keywordLoader.SetEpoch(epoch);

    double kwLoss = 0, spkLoss = 0;
    int steps = 0;
    using var speakerIt = speakerLoader.GetEnumerator();
    foreach (var batch in keywordLoader)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(keywordHead.call(encoder.call(batch["mfcc"])), batch["label"]);
        kwLoss += loss.item<float>();

        if (speakerIt.MoveNext())
        {
            var sb = speakerIt.Current;
            var aux = nn.functional.cross_entropy(speakerHead.call(encoder.call(sb["mfcc"])), sb["label"]);
            spkLoss += aux.item<float>();
            loss = loss + speakerWeight * aux;
        }

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        steps++;
    }
    Console.WriteLine($"epoch {epoch}: keyword {kwLoss / steps:F4}  speaker {spkLoss / steps:F4}");
}
