// Scenario: code ported from an Accelerate script tests `accelerator.is_main_process` (kept in a snake_case field `is_main_process`) and sets the training loader's epoch only there, together with the wandb-style logging; every other process replays epoch 0's order. Wrong: CMP002 flags an epoch set only in a branch that some ranks take, and a main-process test (`isMainProcess`) is such a condition.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.SnakeCaseIsMainProcessGuard;

public sealed class AcceleratedTrainer
{
    private readonly bool is_main_process = Dist.Rank == 0;
    private readonly Module<Tensor, Tensor> model;
    private readonly EpochDataLoader train_dataloader;
    private readonly optim.Optimizer optimizer;

    public AcceleratedTrainer(Module<Tensor, Tensor> model, InMemoryDataset train_dataset)
    {
        this.model = model;
        var sampler = new DistributedSampler(train_dataset.Count, Dist.WorldSize, Dist.Rank, seed: 3407);
        train_dataloader = new EpochDataLoader(train_dataset, batchSize: 32, sampler: sampler);
        optimizer = optim.AdamW(model.parameters(), lr: 5e-5);
    }

    public void train(int num_train_epochs)
    {
        for (int epoch = 0; epoch < num_train_epochs; epoch++)
        {
            if (is_main_process)
            {
                Console.WriteLine($"***** epoch {epoch} *****");
                train_dataloader.SetEpoch(epoch);
            }

            model.train();
            double total_loss = 0;
            foreach (var batch in train_dataloader) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.cross_entropy(model.call(batch["input"]), batch["labels"]);
                loss.backward();
                foreach (var p in model.parameters())
                    if (p.grad is { } g) { Dist.AllReduce(g); g.div_(Dist.WorldSize); }
                optimizer.step();
                total_loss += loss.item<float>();
            }

            if (is_main_process) Console.WriteLine($"epoch {epoch}: loss {total_loss:F2}");
        }
    }
}
