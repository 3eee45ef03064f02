// Scenario: each epoch sets the loader's epoch, then retries the epoch's batches up to three times on a flaky network mount, written without braces: `for (int attempt = 0; ; attempt++) try { ...; break; } catch (IOException) when (attempt < 2) { ... }`. The retry loop's body is the `try`, which ends with `break`. Correct: the README says a retry loop's "body ends with a `break` out of it or a `return`, directly or as the last statement of a `try` that ends its body", so the epoch loop is the `for (epoch …)` loop, which sets the epoch. Nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.RetryLoopWithoutBraces;

public static class NetworkMountTraining
{
    public static void Train(Module<Tensor, Tensor> model, InMemoryDataset data, int epochs)
    {
        using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 31, workers: 4);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            var snapshot = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone());

            for (int attempt = 0; ; attempt++)
                try
                {
                    model.train();
                    foreach (var batch in train)
                    {
                        using var scope = NewDisposeScope();
                        optimizer.zero_grad();
                        var loss = functional.cross_entropy(model.call(batch["x"]), batch["y"]);
                        loss.backward();
                        optimizer.step();
                    }
                    break;
                }
                catch (IOException ex) when (attempt < 2)
                {
                    Console.Error.WriteLine($"epoch {epoch}, attempt {attempt}: {ex.Message}; restoring and retrying");
                    model.load_state_dict(snapshot);
                    Thread.Sleep(TimeSpan.FromSeconds(5 << attempt));
                }

            foreach (var t in snapshot.Values) t.Dispose();
            Console.WriteLine($"epoch {epoch} done");
        }
    }
}
