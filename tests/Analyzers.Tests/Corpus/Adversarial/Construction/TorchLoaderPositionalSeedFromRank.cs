// Scenario: A data-parallel script passes shuffle and seed positionally to TorchSharp's DataLoader (true, device, 42 + rank): a fixed seed per rank, so each rank replays its order every epoch (bug: CMP003).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

Dist.Initialize();
int rank = Dist.Rank;
int epochs = args.Length > 0 ? int.Parse(args[0]) : 5;
Device device = cuda.is_available() ? CUDA : CPU;
manual_seed(1234);

var trainSet = new FashionMnist(train: true);
using var loader = new DataLoader(trainSet, 64, true, device, 42 + rank); //! CMP003

var model = nn.Sequential(
    ("conv1", nn.Conv2d(1, 32, 3)),
    ("relu1", nn.ReLU()),
    ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(32, 64, 3)),
    ("relu2", nn.ReLU()),
    ("pool2", nn.MaxPool2d(2)),
    ("flatten", nn.Flatten()),
    ("fc", nn.Linear(64 * 5 * 5, 10))).to(device);
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();
var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
var criterion = nn.CrossEntropyLoss();

for (int epoch = 0; epoch < epochs; epoch++)
{
    model.train();
    float last = 0;
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = criterion.forward(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();
        last = loss.item<float>();
    }
    if (rank == 0) Console.WriteLine($"[rank {rank}] epoch {epoch}: last loss {last:F4}");
    Dist.Barrier();
}
