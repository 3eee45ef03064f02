// Scenario: teacher stage then student stage over loaders held in fields; every epoch of both stages calls a BeginEpoch helper in the same class that sets both fields' epochs, the student stage continuing the teacher's count: right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.Distillation;

public sealed class StagedDistillation : IDisposable
{
    private readonly EpochDataLoader _labelled;
    private readonly EpochDataLoader _transfer;
    private readonly nn.Module<Tensor, Tensor> _teacher;
    private readonly nn.Module<Tensor, Tensor> _student;

    public StagedDistillation(InMemoryDataset labelled, InMemoryDataset transfer,
                              nn.Module<Tensor, Tensor> teacher, nn.Module<Tensor, Tensor> student)
    {
        _labelled = new EpochDataLoader(labelled, batchSize: 128, shuffle: true, seed: 1);
        _transfer = new EpochDataLoader(transfer, batchSize: 256,
            batchSampler: null, sampler: new RandomSampler(transfer.Count, seed: 2));
        _teacher = teacher;
        _student = student;
    }

    public void Run(int teacherEpochs, int studentEpochs, double temperature = 3.0)
    {
        using (var opt = optim.Adam(_teacher.parameters(), 1e-3))
        {
            for (int epoch = 0; epoch < teacherEpochs; epoch++)
            {
                BeginEpoch(epoch);
                foreach (var batch in _labelled)
                    Step(opt, nn.functional.cross_entropy(_teacher.call(batch["data"]), batch["label"]));
            }
        }

        _teacher.eval();
        using var studentOpt = optim.Adam(_student.parameters(), 1e-3);
        for (int epoch = 0; epoch < studentEpochs; epoch++)
        {
            BeginEpoch(teacherEpochs + epoch);
            foreach (var batch in _transfer)
            {
                Tensor soft;
                using (no_grad()) soft = nn.functional.softmax(_teacher.call(batch["data"]) / temperature, 1);
                var logp = nn.functional.log_softmax(_student.call(batch["data"]) / temperature, 1);
                Step(studentOpt, -(soft * logp).sum(1).mean() * (temperature * temperature));
                soft.Dispose();
            }
        }
    }

    private void BeginEpoch(int epoch)
    {
        _labelled.SetEpoch(epoch);
        Epochs.SetEpoch(_transfer, epoch);
    }

    private static void Step(optim.Optimizer opt, Tensor loss)
    {
        opt.zero_grad();
        loss.backward();
        opt.step();
        loss.Dispose();
    }

    public void Dispose()
    {
        _labelled.Dispose();
        _transfer.Dispose();
    }
}
