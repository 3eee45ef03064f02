// Scenario: a step-by-step assistant answer "Step 3: set the epoch on the loader so the shuffling is deterministic" calls `train_loader.SetEpoch(0)` inside `foreach (var epoch in Enumerable.Range(0, num_epochs))`; the constant gives every epoch the same order (wrong, CMP004).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace SentimentBaseline;

/// <summary>Step 0: the model - an embedding bag followed by a linear layer.</summary>
public sealed class BagOfWordsClassifier : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.EmbeddingBag embed;
    private readonly TorchSharp.Modules.Linear fc;

    public BagOfWordsClassifier(long vocab_size, long embed_dim, long num_classes) : base(nameof(BagOfWordsClassifier))
    {
        embed = nn.EmbeddingBag(vocab_size, embed_dim, mode: EmbeddingBagMode.Mean);
        fc = nn.Linear(embed_dim, num_classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor tokens) => fc.call(embed.call(tokens, null, null));
}

public static class Train
{
    public static void Main()
    {
        // Step 1: hyperparameters
        var num_epochs = 8;
        var batch_size = 32;
        var vocab_size = 5000;
        var embed_dim = 64;

        // Step 2: fake bag-of-words data (replace with your own tensors)
        var tokens = torch.randint(0, vocab_size, new long[] { 4000, 40 });
        var labels = torch.randint(0, 2, new long[] { 4000 });
        using var train_set = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = tokens, ["label"] = labels });
        using var train_loader = new EpochDataLoader(train_set, batchSize: batch_size, shuffle: true, seed: 7);

        var model = new BagOfWordsClassifier(vocab_size, embed_dim, num_classes: 2);
        var optimizer = optim.Adam(model.parameters(), 2e-3);
        var loss_fn = nn.CrossEntropyLoss();

        foreach (var epoch in Enumerable.Range(0, num_epochs))
        {
            // Step 3: set the epoch on the loader so the shuffling is deterministic
            train_loader.SetEpoch(0); //! CMP004

            // Step 4: train for one epoch
            model.train();
            var total_loss = 0.0;
            var total_correct = 0L;
            var total_seen = 0L;
            foreach (var batch in train_loader)
            {
                using var scope = NewDisposeScope();
                var logits = model.call(batch["data"]);
                var loss = loss_fn.call(logits, batch["label"]);

                optimizer.zero_grad();
                loss.backward();
                optimizer.step();

                total_loss += loss.item<float>() * batch["label"].shape[0];
                total_correct += logits.argmax(1).eq(batch["label"]).sum().item<long>();
                total_seen += batch["label"].shape[0];
            }

            // Step 5: print progress
            Console.WriteLine($"Epoch {epoch + 1:D2}/{num_epochs} | loss {total_loss / total_seen:F4} | acc {(double)total_correct / total_seen:P1}");
        }
    }
}
