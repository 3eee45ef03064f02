// Scenario: a Mean Teacher semi-supervised loop walks the large unlabeled loader with a manual enumerator and cycles the small labeled loader inside it, giving the labeled loader a fresh epoch each time it restarts; correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut2.Blind.MeanTeacherCycledLabeledCorrect;

public sealed class MeanTeacher
{
    private readonly nn.Module<Tensor, Tensor> _student;
    private readonly nn.Module<Tensor, Tensor> _teacher;
    private readonly double _emaDecay;

    public MeanTeacher(Func<nn.Module<Tensor, Tensor>> build, double emaDecay = 0.999)
    {
        _student = build();
        _teacher = build();
        _teacher.load_state_dict(_student.state_dict());
        foreach (var p in _teacher.parameters()) p.requires_grad = false;
        _emaDecay = emaDecay;
    }

    public void Fit(InMemoryDataset labeledSet, InMemoryDataset unlabeledSet, int epochs, double consistencyWeight = 1.0)
    {
        using var labeled = new EpochDataLoader(labeledSet, 16, shuffle: true, seed: 4);
        using var unlabeled = new EpochDataLoader(unlabeledSet, 64, sampler: new RandomSampler(unlabeledSet.Count, seed: 5));
        var optimizer = optim.Adam(_student.parameters(), 1e-3);
        int labeledEpoch = 0;
        IEnumerator<Dictionary<string, Tensor>>? lIt = null;

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            unlabeled.SetEpoch(epoch);
            using var uIt = unlabeled.GetEnumerator();
            long step = 0;
            double sup = 0, cons = 0;
            while (uIt.MoveNext())
            {
                if (lIt is null || !lIt.MoveNext())
                {
                    lIt?.Dispose();
                    labeled.SetEpoch(labeledEpoch++);
                    lIt = labeled.GetEnumerator();
                    lIt.MoveNext();
                }

                using var scope = NewDisposeScope();
                var lb = lIt.Current;
                var ub = uIt.Current;
                optimizer.zero_grad();
                var supervised = nn.functional.cross_entropy(_student.call(lb["x"]), lb["y"]);
                var noisy = ub["x"] + 0.1 * randn_like(ub["x"]);
                Tensor target;
                using (no_grad()) target = nn.functional.softmax(_teacher.call(ub["x"]), 1);
                var consistency = nn.functional.mse_loss(nn.functional.softmax(_student.call(noisy), 1), target);
                var loss = supervised + consistencyWeight * consistency;
                loss.backward();
                optimizer.step();
                UpdateTeacher();
                sup += supervised.item<float>();
                cons += consistency.item<float>();
                step++;
            }
            Console.WriteLine($"epoch {epoch}: supervised {sup / Math.Max(1, step):F4} consistency {cons / Math.Max(1, step):F5} (labeled pass {labeledEpoch})");
        }
        lIt?.Dispose();
    }

    private void UpdateTeacher()
    {
        using var _ = no_grad();
        foreach (var (t, s) in _teacher.parameters().Zip(_student.parameters()))
            t.mul_(_emaDecay).add_(s, alpha: 1 - _emaDecay);
    }
}
