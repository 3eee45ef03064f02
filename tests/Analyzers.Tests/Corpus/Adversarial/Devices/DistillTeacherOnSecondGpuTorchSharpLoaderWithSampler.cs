// Scenario: knowledge distillation with the frozen teacher on a second GPU and the student on the first; a TorchSharp DataLoader shuffles through an epoch-aware RandomSampler given as its shuffler, and Epochs.SetEpoch sets it every epoch — right, nothing to report.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

int gpus = cuda.is_available() ? cuda.device_count() : 0;
var studentDevice = gpus > 0 ? new Device(DeviceType.CUDA, 0) : CPU;
var teacherDevice = gpus > 1 ? new Device(DeviceType.CUDA, 1) : studentDevice;

var data = new FashionMnist();
// Batches stay on the host; each model gets its own copy on its own device.
var loader = new DataLoader(data, 128, new RandomSampler(data.Count, seed: 9), device: CPU, disposeDataset: false);

var teacher = nn.Sequential(nn.Flatten(), nn.Linear(784, 1200), nn.ReLU(), nn.Linear(1200, 1200), nn.ReLU(), nn.Linear(1200, 10));
teacher.load("teacher.bin");
teacher.to(teacherDevice);
teacher.eval();

var student = nn.Sequential(nn.Flatten(), nn.Linear(784, 64), nn.ReLU(), nn.Linear(64, 10));
student.to(studentDevice);
var optimizer = optim.Adam(student.parameters(), lr: 2e-3);
const double temperature = 4.0, alpha = 0.7;

for (int epoch = 0; epoch < 20; epoch++)
{
    Epochs.SetEpoch(loader, epoch);
    student.train();
    double total = 0;
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        Tensor softTargets;
        using (no_grad())
        {
            var teacherLogits = teacher.call(batch["data"].to(teacherDevice));
            softTargets = nn.functional.softmax(teacherLogits / temperature, 1).to(studentDevice);
        }

        var x = batch["data"].to(studentDevice);
        var y = batch["label"].to(studentDevice);
        var logits = student.call(x);
        var soft = nn.functional.kl_div(nn.functional.log_softmax(logits / temperature, 1), softTargets, reduction: nn.Reduction.Sum) / x.shape[0];
        var hard = nn.functional.cross_entropy(logits, y);
        var loss = alpha * temperature * temperature * soft + (1 - alpha) * hard;

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch}: distillation loss {total / loader.Count:F4}");
}
