// Scenario: Hinton-style knowledge distillation ported with TorchSharp's own DataLoader: the training loader shuffles without a seed (a fresh order each epoch), and the test loader, copied with `seed: cfg.Seed`, does not shuffle — correct.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HeldOut.Ports.KnowledgeDistillation;

public sealed record KdConfig(int Epochs = 20, int BatchSize = 128, double Lr = 0.01, double Temperature = 4.0, double Alpha = 0.9, int Seed = 1);

public sealed class Distiller
{
    private readonly nn.Module<Tensor, Tensor> _teacher;
    private readonly nn.Module<Tensor, Tensor> _student;
    private readonly KdConfig _cfg;
    private readonly Device _device;

    public Distiller(nn.Module<Tensor, Tensor> teacher, nn.Module<Tensor, Tensor> student, KdConfig cfg)
    {
        _teacher = teacher;
        _student = student;
        _cfg = cfg;
        _device = cuda.is_available() ? CUDA : CPU;
        _teacher.to(_device).eval();
        _student.to(_device);
    }

    public void Run(torch.utils.data.Dataset trainSet, torch.utils.data.Dataset testSet)
    {
        using var trainLoader = new DataLoader(trainSet, _cfg.BatchSize, shuffle: true, device: _device);
        using var testLoader = new DataLoader(testSet, 256, shuffle: false, device: _device, seed: _cfg.Seed);
        var optimizer = optim.SGD(_student.parameters(), _cfg.Lr, momentum: 0.9, weight_decay: 5e-4);

        for (int epoch = 0; epoch < _cfg.Epochs; epoch++)
        {
            _student.train();
            foreach (var batch in trainLoader)
            {
                using var scope = NewDisposeScope();
                var (x, y) = (batch["data"], batch["label"]);
                Tensor teacherLogits;
                using (no_grad()) teacherLogits = _teacher.call(x);
                var studentLogits = _student.call(x);
                var loss = KdLoss(studentLogits, teacherLogits, y);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}: test accuracy {Evaluate(testLoader):P2}");
        }
    }

    private Tensor KdLoss(Tensor studentLogits, Tensor teacherLogits, Tensor labels)
    {
        double t = _cfg.Temperature;
        var soft = nn.functional.kl_div(
            nn.functional.log_softmax(studentLogits / t, 1),
            nn.functional.log_softmax(teacherLogits / t, 1),
            log_target: true, reduction: nn.Reduction.Mean) * (t * t);
        var hard = nn.functional.cross_entropy(studentLogits, labels);
        return soft * _cfg.Alpha + hard * (1 - _cfg.Alpha);
    }

    private double Evaluate(DataLoader loader)
    {
        _student.eval();
        long correct = 0, total = 0;
        using var noGrad = no_grad();
        foreach (var batch in loader)
        {
            correct += _student.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            total += batch["label"].shape[0];
        }
        return (double)correct / Math.Max(total, 1);
    }
}
