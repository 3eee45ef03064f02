// Scenario: the PyTorch transfer-learning tutorial's `for phase in ['train', 'val']` loop ported by an assistant: `train.SetEpoch(epoch)` at the top of each epoch, then `var loader = phase == "train" ? train : val;` iterated per phase; the shuffled arm is set on every pass and the validation loader does not shuffle (right, no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace TutorialPort;

public static class TrainModel
{
    public static nn.Module<Tensor, Tensor> Run(nn.Module<Tensor, Tensor> model, InMemoryDataset trainSet, InMemoryDataset valSet, int num_epochs = 25)
    {
        using var train = new EpochDataLoader(trainSet, batchSize: 4, shuffle: true, seed: 0);
        using var val = new EpochDataLoader(valSet, batchSize: 4);
        var dataset_sizes = new Dictionary<string, long> { ["train"] = trainSet.Count, ["val"] = valSet.Count };

        var criterion = nn.CrossEntropyLoss();
        var optimizer_ft = optim.SGD(model.parameters(), learningRate: 0.001, momentum: 0.9);
        var exp_lr_scheduler = optim.lr_scheduler.StepLR(optimizer_ft, step_size: 7, gamma: 0.1);

        var since = DateTime.Now;
        var best_acc = 0.0;
        var best_model_path = Path.Combine(Path.GetTempPath(), "best_model_params.dat");

        for (int epoch = 0; epoch < num_epochs; epoch++)
        {
            Console.WriteLine($"Epoch {epoch}/{num_epochs - 1}");
            Console.WriteLine(new string('-', 10));
            train.SetEpoch(epoch);   // new shuffle for this epoch's training phase

            // Each epoch has a training and validation phase
            foreach (var phase in new[] { "train", "val" })
            {
                if (phase == "train") model.train();   // Set model to training mode
                else model.eval();                     // Set model to evaluate mode

                var running_loss = 0.0;
                long running_corrects = 0;
                var loader = phase == "train" ? train : val;

                // Iterate over data.
                foreach (var batch in loader)
                {
                    using var scope = NewDisposeScope();
                    var inputs = batch["data"];
                    var labels = batch["label"];
                    optimizer_ft.zero_grad();

                    // forward; track history if only in train
                    using (set_grad_enabled(phase == "train"))
                    {
                        var outputs = model.call(inputs);
                        var preds = outputs.argmax(1);
                        var loss = criterion.call(outputs, labels);

                        // backward + optimize only if in training phase
                        if (phase == "train")
                        {
                            loss.backward();
                            optimizer_ft.step();
                        }

                        running_loss += loss.item<float>() * inputs.shape[0];
                        running_corrects += preds.eq(labels).sum().item<long>();
                    }
                }
                if (phase == "train") exp_lr_scheduler.step();

                var epoch_loss = running_loss / dataset_sizes[phase];
                var epoch_acc = (double)running_corrects / dataset_sizes[phase];
                Console.WriteLine($"{phase} Loss: {epoch_loss:F4} Acc: {epoch_acc:F4}");

                // deep copy the model
                if (phase == "val" && epoch_acc > best_acc)
                {
                    best_acc = epoch_acc;
                    model.save(best_model_path);
                }
            }
            Console.WriteLine();
        }

        var time_elapsed = DateTime.Now - since;
        Console.WriteLine($"Training complete in {time_elapsed.Minutes}m {time_elapsed.Seconds}s");
        Console.WriteLine($"Best val Acc: {best_acc:F4}");

        // load best model weights
        model.load(best_model_path);
        return model;
    }
}
