// Scenario: an `Action<int> onEpoch = pretrain.SetEpoch;` local drives the pretraining loop and is copy-pasted into the fine-tuning loop, where it still sets the pretraining loader, so the shuffling fine-tune loader replays epoch 0 (wrong for finetune).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind11.ActionLocalCopiedToFinetuneLoop;

public static class Program
{
    public static void Main()
    {
        var corpus = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(20000, 40) });
        var labeled = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(1200, 40),
            ["label"] = randint(0, 6, new long[] { 1200 }),
        });

        using var pretrain = new EpochDataLoader(corpus, batchSize: 256, shuffle: true, seed: 1);
        using var finetune = new EpochDataLoader(labeled, batchSize: 32, shuffle: true, seed: 2);

        var encoder = nn.Sequential(nn.Linear(40, 96), nn.ReLU(), nn.Linear(96, 32));
        var decoder = nn.Linear(32, 40);
        var head = nn.Linear(32, 6);
        Action<int> onEpoch = pretrain.SetEpoch;

        var pre = optim.Adam(encoder.parameters().Concat(decoder.parameters()), lr: 1e-3);
        for (int epoch = 0; epoch < 5; epoch++)
        {
            onEpoch(epoch);
            foreach (var batch in pretrain)
            {
                using var scope = NewDisposeScope();
                var x = batch["data"];
                var loss = nn.functional.mse_loss(decoder.forward(encoder.forward(x)), x);
                pre.zero_grad();
                loss.backward();
                pre.step();
            }
        }

        var ft = optim.Adam(head.parameters().Concat(encoder.parameters()), lr: 1e-4);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            onEpoch(epoch);
            foreach (var batch in finetune) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(head.forward(encoder.forward(batch["data"])), batch["label"]);
                ft.zero_grad();
                loss.backward();
                ft.step();
            }
            Console.WriteLine($"fine-tune epoch {epoch}");
        }
    }
}
