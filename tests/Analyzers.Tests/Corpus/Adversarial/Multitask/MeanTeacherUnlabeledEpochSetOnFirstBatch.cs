// Scenario: Mean Teacher semi-supervised training drives the epoch with a MoveNext loop over the unlabelled loader and pulls labelled batches from a second enumerator; the labelled loader's epoch is set before the loop, but the unlabelled one is set on its first batch, inside its own enumeration (wrong: CMP005).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const int epochs = 60;
const double emaDecay = 0.99;
const double consistencyWeight = 10.0;

using var labeledSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.load("data/svhn-1k/labeled_x.pt"),
    ["label"] = torch.load("data/svhn-1k/labeled_y.pt"),
});
using var unlabeledSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.load("data/svhn-1k/unlabeled_x.pt"),
});
using var labeled = new EpochDataLoader(labeledSet, batchSize: 32, shuffle: true, seed: 8);
using var unlabeled = new EpochDataLoader(unlabeledSet, batchSize: 128, shuffle: true, seed: 9, dropLast: true);

var student = MakeNet();
var teacher = MakeNet();
teacher.load_state_dict(student.state_dict());
foreach (var p in teacher.parameters()) p.requires_grad = false;
var optimizer = optim.Adam(student.parameters(), 3e-4);

for (int epoch = 0; epoch < epochs; epoch++)
{
    labeled.SetEpoch(epoch);
    using var labeledIt = labeled.GetEnumerator();
    using var it = unlabeled.GetEnumerator();
    bool first = true;
    double total = 0;
    int steps = 0;
    while (it.MoveNext())
    {
        if (first) { unlabeled.SetEpoch(epoch); first = false; } //! CMP005
        using var scope = NewDisposeScope();
        var u = it.Current["data"];
        var noisy = u + 0.1 * randn_like(u);

        Tensor target;
        using (no_grad()) target = nn.functional.softmax(teacher.call(noisy), 1);
        var consistency = nn.functional.mse_loss(nn.functional.softmax(student.call(u), 1), target);

        var loss = consistencyWeight * consistency;
        if (labeledIt.MoveNext())
            loss = loss + nn.functional.cross_entropy(student.call(labeledIt.Current["data"]), labeledIt.Current["label"]);

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        UpdateTeacher(student, teacher, emaDecay);
        total += loss.item<float>();
        steps++;
    }
    Console.WriteLine($"epoch {epoch}: loss {total / Math.Max(steps, 1):F4}");
}

static Sequential MakeNet() => nn.Sequential(
    nn.Conv2d(3, 32, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(64 * 8 * 8, 10));

static void UpdateTeacher(Sequential student, Sequential teacher, double decay)
{
    using var _ = no_grad();
    foreach (var (s, t) in student.parameters().Zip(teacher.parameters()))
        t.mul_(decay).add_(s, alpha: 1 - decay);
}
