// Scenario: TorchSharp DataLoaders rebuilt inside the epoch loop, one seeded from Random.Shared.Next() and one (via the torch.utils.data factory) from baseSeed + epoch, so the shuffle changes every epoch: correct, no CMP003.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

Dist.Initialize();
var labelled = new FashionMnist(train: true);
var unlabelled = new FashionMnist(train: false);
int baseSeed = int.Parse(args.FirstOrDefault() ?? "1000") + 31 * Dist.Rank;

var student = nn.Sequential(("flat", nn.Flatten()), ("fc1", nn.Linear(784, 200)), ("act", nn.ReLU()), ("fc2", nn.Linear(200, 10)));
var teacher = nn.Sequential(("flat", nn.Flatten()), ("fc1", nn.Linear(784, 200)), ("act", nn.ReLU()), ("fc2", nn.Linear(200, 10)));
teacher.load_state_dict(student.state_dict());
var opt = optim.Adam(student.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < 20; epoch++)
{
    using var supervised = new DataLoader(labelled, 64, shuffle: true, seed: Random.Shared.Next(), disposeDataset: false);
    using var consistency = torch.utils.data.DataLoader(unlabelled, 64, true, seed: baseSeed + epoch, disposeDataset: false);

    using var pairs = supervised.Zip(consistency).GetEnumerator();
    while (pairs.MoveNext())
    {
        var (sup, unsup) = pairs.Current;
        using var scope = NewDisposeScope();
        opt.zero_grad();
        var ce = nn.functional.cross_entropy(student.forward(sup["data"]), sup["label"]);
        Tensor target;
        using (no_grad()) target = nn.functional.softmax(teacher.forward(unsup["data"]), 1);
        var noisy = unsup["data"] + 0.1f * randn_like(unsup["data"]);
        var mse = nn.functional.mse_loss(nn.functional.softmax(student.forward(noisy), 1), target);
        (ce + 2.0f * mse).backward();
        opt.step();

        using (no_grad())
        {
            foreach (var (t, s) in teacher.parameters().Zip(student.parameters()))
                t.mul_(0.99).add_(s, alpha: 0.01);
        }
    }
    if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch} done");
}
