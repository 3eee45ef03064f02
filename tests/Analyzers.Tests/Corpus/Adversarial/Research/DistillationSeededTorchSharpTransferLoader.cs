// Scenario: knowledge distillation (teacher then student) on one TorchSharp DataLoader with shuffle: true and a fixed seed for reproducibility — every epoch of both phases replays one order (CMP003)
using Composer.Data;
using Composer.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int TeacherEpochs = 15;
const int StudentEpochs = 30;
const double Temperature = 4.0;
const double Alpha = 0.7; // weight of the soft-target term

Reproducibility.SeedAll(2024);
using var trainSet = new FashionMnist(train: true);
using var testSet = new FashionMnist(train: false);

// seed so that teacher/student runs are comparable across machines
var transfer = new DataLoader(trainSet, 128, shuffle: true, seed: 2024, disposeDataset: false); //! CMP003
var test = new DataLoader(testSet, 1000, disposeDataset: false);

var teacher = Sequential(("flat", Flatten()),
    ("fc1", Linear(784, 1200)), ("r1", ReLU()), ("d1", Dropout(0.3)),
    ("fc2", Linear(1200, 1200)), ("r2", ReLU()), ("d2", Dropout(0.3)),
    ("fc3", Linear(1200, 10)));
var student = Sequential(("flat", Flatten()), ("fc1", Linear(784, 64)), ("r1", ReLU()), ("fc2", Linear(64, 10)));

// 1) teacher
var tOpt = optim.SGD(teacher.parameters(), 0.05, momentum: 0.9);
for (int epoch = 0; epoch < TeacherEpochs; epoch++)
{
    teacher.train();
    foreach (var batch in transfer)
    {
        using var scope = NewDisposeScope();
        var loss = functional.cross_entropy(teacher.forward(batch["data"]), batch["label"]);
        tOpt.zero_grad(); loss.backward(); tOpt.step();
    }
    Console.WriteLine($"teacher epoch {epoch}: acc {Accuracy(teacher):P2}");
}

// 2) student with soft targets (Hinton et al. 2015)
teacher.eval();
var sOpt = optim.Adam(student.parameters(), lr: 1e-3);
for (int epoch = 0; epoch < StudentEpochs; epoch++)
{
    student.train();
    double kdSum = 0; int steps = 0;
    foreach (var batch in transfer)
    {
        using var scope = NewDisposeScope();
        Tensor soft;
        using (no_grad()) soft = functional.softmax(teacher.forward(batch["data"]) / Temperature, 1);
        var logits = student.forward(batch["data"]);
        var kd = functional.kl_div(functional.log_softmax(logits / Temperature, 1), soft, reduction: Reduction.Mean)
                 * (Temperature * Temperature);
        var ce = functional.cross_entropy(logits, batch["label"]);
        var loss = Alpha * kd + (1 - Alpha) * ce;
        sOpt.zero_grad(); loss.backward(); sOpt.step();
        kdSum += kd.item<float>(); steps++;
    }
    Console.WriteLine($"student epoch {epoch}: kd {kdSum / steps:F4} acc {Accuracy(student):P2}");
}

double Accuracy(Module<Tensor, Tensor> net)
{
    net.eval();
    long correct = 0;
    using (no_grad())
        foreach (var b in test)
            correct += net.forward(b["data"]).argmax(1).eq(b["label"]).sum().item<long>();
    net.train();
    return correct / (double)testSet.Count;
}
