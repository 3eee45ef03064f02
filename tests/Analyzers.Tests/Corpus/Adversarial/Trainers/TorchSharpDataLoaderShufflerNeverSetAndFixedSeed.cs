// Scenario: one TorchSharp DataLoader uses a RandomSampler shuffler that nobody tells the epoch, another uses shuffle: true with a fixed seed; both replay one order every epoch (two bugs), the eval loader is fine.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharpOnly.Bugs;

public static class TwoTorchSharpLoaders
{
    public static void Run(InMemoryDataset labelled, InMemoryDataset unlabelled, InMemoryDataset validation, int epochs)
    {
        var shuffler = new RandomSampler(labelled.Count, seed: 13);
        using var supervised = new DataLoader(labelled, 32, shuffler, disposeDataset: false);
        using var consistency = torch.utils.data.DataLoader(unlabelled, 128, shuffle: true, seed: 13, disposeDataset: false); //! CMP003
        using var eval = new DataLoader(validation, 256, shuffle: false, disposeDataset: false);

        var model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Dropout(0.2), nn.Linear(128, 5));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            foreach (var (sup, unsup) in supervised.Zip(consistency)) //! CMP002
            {
                using var scope = NewDisposeScope();
                var ce = nn.functional.cross_entropy(model.forward(sup["data"]), sup["label"]);
                var noisy = unsup["data"] + 0.05 * randn_like(unsup["data"]);
                var teacher = model.forward(unsup["data"]).detach().softmax(1);
                var kl = nn.functional.kl_div(model.forward(noisy).log_softmax(1), teacher, reduction: nn.Reduction.Mean);
                var loss = ce + kl;
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }

            model.eval();
            using (no_grad())
            {
                long correct = 0;
                foreach (var batch in eval)
                    correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                Console.WriteLine($"epoch {epoch}: {correct}/{validation.Count}");
            }
        }
    }
}
