// Scenario: knowledge distillation whose temperature/alpha schedule gets SetEpoch(epoch) inside the batch loop, while the train loader's shard sampler is set before the batches — right (the schedule is not the loader)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var device = torch.cuda.is_available() ? CUDA : CPU;
const int epochs = 20;

using var trainSet = new FashionMnist(train: true);
var shard = new DistributedSampler(trainSet.Count, seed: 99);
using var train = new EpochDataLoader(trainSet, batchSize: 64, sampler: shard, device: device);

// teacher: trained earlier, frozen here
var teacher = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 1200)), ("relu", nn.ReLU()), ("fc2", nn.Linear(1200, 10)));
teacher.load("models/teacher_mlp.bin");
teacher.to(device).eval();

var student = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 128)), ("relu", nn.ReLU()), ("fc2", nn.Linear(128, 10)));
student.to(device);

var optimizer = torch.optim.Adam(student.parameters(), 1e-3);
var schedule = new DistillSchedule(startTemperature: 8.0, endTemperature: 2.0, rampEpochs: 10);

for (int epoch = 0; epoch < epochs; epoch++)
{
    shard.SetEpoch(epoch);
    student.train();
    double running = 0;
    int steps = 0;
    foreach (var batch in train)
    {
        // cheap, and keeps T and alpha right if we ever resume mid-epoch
        schedule.SetEpoch(epoch);

        using var scope = torch.NewDisposeScope();
        var x = batch["data"];
        Tensor softTargets;
        using (torch.no_grad())
            softTargets = nn.functional.softmax(teacher.forward(x) / schedule.Temperature, 1);

        var logits = student.forward(x);
        var soft = nn.functional.kl_div(nn.functional.log_softmax(logits / schedule.Temperature, 1), softTargets, reduction: nn.Reduction.Mean)
                   * (schedule.Temperature * schedule.Temperature);
        var hard = nn.functional.cross_entropy(logits, batch["label"]);
        var loss = schedule.Alpha * soft + (1 - schedule.Alpha) * hard;

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        running += loss.item<float>();
        steps++;
    }
    Console.WriteLine($"epoch {epoch}: T={schedule.Temperature:F2} alpha={schedule.Alpha:F2} loss={running / steps:F4}");
}
student.save($"models/student_T{schedule.Temperature:F0}_e{epochs}.bin");

sealed class DistillSchedule(double startTemperature, double endTemperature, int rampEpochs)
{
    public double Temperature { get; private set; } = startTemperature;
    public double Alpha { get; private set; } = 0.9;

    public void SetEpoch(int epoch)
    {
        double t = Math.Min(1.0, epoch / (double)rampEpochs);
        Temperature = startTemperature + (endTemperature - startTemperature) * t;
        Alpha = 0.9 - 0.4 * t;   // lean on the hard labels later in training
    }
}
