// Scenario: the labelled loop restarts the unlabelled enumerator when it runs out, setting the unlabelled loader's next epoch inside the labelled iteration (another loader) with a counter it advances: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.SemiSupervised;

public sealed class MeanTeacher(InMemoryDataset labelledSet, InMemoryDataset unlabelledSet)
{
    private readonly EpochDataLoader _labelled = new(labelledSet, batchSize: 32, shuffle: true, seed: 4);
    private readonly EpochDataLoader _unlabelled = new(unlabelledSet, batchSize: 96, shuffle: true, seed: 5);

    public void Train(nn.Module<Tensor, Tensor> student, nn.Module<Tensor, Tensor> teacher, int epochs)
    {
        var optimizer = optim.Adam(student.parameters(), lr: 1e-3);
        int unlabelledEpoch = 0;
        _unlabelled.SetEpoch(unlabelledEpoch);
        var unlabelled = _unlabelled.GetEnumerator();
        try
        {
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                _labelled.SetEpoch(epoch);
                foreach (var lb in _labelled)
                {
                    if (!unlabelled.MoveNext())
                    {
                        unlabelled.Dispose();
                        _unlabelled.SetEpoch(++unlabelledEpoch);
                        unlabelled = _unlabelled.GetEnumerator();
                        unlabelled.MoveNext();
                    }
                    var ub = unlabelled.Current;

                    optimizer.zero_grad();
                    using var ce = nn.functional.cross_entropy(student.forward(lb["data"]), lb["label"]);
                    using var target = nn.functional.softmax(teacher.forward(ub["data"]).detach(), 1);
                    using var consistency = nn.functional.mse_loss(nn.functional.softmax(student.forward(ub["data"]), 1), target);
                    using var loss = ce + 10.0f * consistency;
                    loss.backward();
                    optimizer.step();

                    using (torch.no_grad())
                    {
                        foreach (var (t, s) in teacher.parameters().Zip(student.parameters()))
                            t.mul_(0.99).add_(s, alpha: 0.01);
                    }
                }
            }
        }
        finally
        {
            unlabelled.Dispose();
        }
    }
}
