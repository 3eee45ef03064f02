// Scenario: a one-cycle schedule is precomputed as a list of `(int Epoch, double Lr)` tuples and the loop is written `foreach (var (epoch, lr) in schedule)`, setting the learning rate and calling `train.SetEpoch(epoch)` (and, for the auxiliary loader, `Epochs.SetEpoch(aux, epoch + schedule.Count)`) before iterating. Right: the deconstructed `epoch` is the loop's own variable and differs on every pass. CMP004 page, not flagged: "The loop's variable, or anything computed from it: `epoch`, `epoch + 1`, `start + epoch`". No diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam27.DeconstructedForeach;

public static class OneCycle
{
    public static List<(int Epoch, double Lr)> Schedule(int epochs, double maxLr)
    {
        var schedule = new List<(int, double)>();
        int up = Math.Max(1, epochs * 3 / 10);
        for (int e = 0; e < epochs; e++)
        {
            double lr = e < up ? maxLr * (e + 1) / up : maxLr * 0.5 * (1 + Math.Cos(Math.PI * (e - up) / Math.Max(1, epochs - up)));
            schedule.Add((e, lr));
        }
        return schedule;
    }

    public static void Fit(EpochDataLoader train, EpochDataLoader aux, nn.Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
        var schedule = Schedule(epochs, 0.4);

        foreach (var (epoch, lr) in schedule)
        {
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
            train.SetEpoch(epoch);
            Epochs.SetEpoch(aux, epoch + schedule.Count);

            model.train();
            using var auxBatches = aux.GetEnumerator();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                if (auxBatches.MoveNext())
                    loss = loss + 0.1 * nn.functional.mse_loss(model.forward(auxBatches.Current["data"]), auxBatches.Current["target"]);
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}: lr {lr:F4}");
        }
    }
}
