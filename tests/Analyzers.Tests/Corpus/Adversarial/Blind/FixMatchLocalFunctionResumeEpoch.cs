// Scenario: a FixMatch-style semi-supervised loop (do/while with early stopping) sets the labeled loader's epoch correctly but reseeds the unlabeled loader through a local function called with the resume epoch, which never changes; wrong.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut2.Blind.FixMatchLocalFunctionResumeEpoch;

public static class FixMatch
{
    public static void Train(InMemoryDataset labeledSet, InMemoryDataset unlabeledSet, InMemoryDataset validSet,
        nn.Module<Tensor, Tensor> model, string checkpointDir, int maxEpochs = 200, int patience = 10)
    {
        using var labeled = new EpochDataLoader(labeledSet, 32, shuffle: true, seed: 1);
        using var unlabeled = new EpochDataLoader(unlabeledSet, 32 * 7, shuffle: true, seed: 2, dropLast: true);
        using var valid = new EpochDataLoader(validSet, 512);
        var optimizer = optim.SGD(model.parameters(), 0.03, momentum: 0.9, nesterov: true, weight_decay: 5e-4);

        int resumeEpoch = LoadLatest(checkpointDir, model);
        void BeginUnlabeledEpoch(int e) => unlabeled.SetEpoch(e); //! CMP004

        int epoch = resumeEpoch, badEpochs = 0;
        double best = double.MaxValue;
        bool stop = false;
        do
        {
            labeled.SetEpoch(epoch);
            BeginUnlabeledEpoch(resumeEpoch);
            model.train();
            using var uIt = unlabeled.GetEnumerator();
            foreach (var lb in labeled)
            {
                if (!uIt.MoveNext()) break;
                using var scope = NewDisposeScope();
                var ub = uIt.Current;
                optimizer.zero_grad();
                var supervised = nn.functional.cross_entropy(model.call(lb["weak"]), lb["label"]);
                Tensor pseudo, mask;
                using (no_grad())
                {
                    var probs = nn.functional.softmax(model.call(ub["weak"]), 1);
                    var (conf, idx) = probs.max(1);
                    pseudo = idx;
                    mask = conf.ge(0.95).to(ScalarType.Float32);
                }
                var unsup = (nn.functional.cross_entropy(model.call(ub["strong"]), pseudo, reduction: nn.Reduction.None) * mask).mean();
                var loss = supervised + unsup;
                loss.backward();
                optimizer.step();
            }

            double validLoss = ValidLoss(model, valid);
            Console.WriteLine($"epoch {epoch}: valid loss {validLoss:F4}");
            if (validLoss < best - 1e-4) { best = validLoss; badEpochs = 0; model.save(Path.Combine(checkpointDir, $"epoch-{epoch}.bin")); }
            else stop = ++badEpochs >= patience;
            epoch++;
        } while (!stop && epoch < maxEpochs);
    }

    private static int LoadLatest(string dir, nn.Module<Tensor, Tensor> model)
    {
        Directory.CreateDirectory(dir);
        var latest = Directory.GetFiles(dir, "epoch-*.bin")
            .Select(f => (Path: f, Epoch: int.Parse(Path.GetFileNameWithoutExtension(f)["epoch-".Length..])))
            .OrderByDescending(f => f.Epoch).FirstOrDefault();
        if (latest.Path is null) return 0;
        model.load(latest.Path);
        return latest.Epoch + 1;
    }

    private static double ValidLoss(nn.Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        model.eval();
        using var _ = no_grad();
        var losses = loader.Select(b => nn.functional.cross_entropy(model.call(b["weak"]), b["label"]).item<float>()).ToList();
        return losses.Count == 0 ? 0 : losses.Average();
    }
}
