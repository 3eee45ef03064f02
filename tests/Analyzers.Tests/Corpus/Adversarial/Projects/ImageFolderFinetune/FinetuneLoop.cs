using static TorchSharp.torch;

namespace ImageFolderFinetune;

/// <summary>Hand-written fine-tuning loop (the script's <c>--manual</c> mode).</summary>
public sealed class FinetuneLoop(FinetuneOptions options, nn.Module<Tensor, Tensor> model)
{
    public void Run()
    {
        using var train = Loaders.Train(options);
        using var optimizer = optim.AdamW(model.parameters(), 3e-4);
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            model.train();
            foreach (var (batch, step) in train.Select((b, i) => (b, i)))
            {
                if (step == 0) train.SetEpoch(epoch); //! CMP005 set inside the iteration of train
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                if (step % 50 == 0) Console.WriteLine($"epoch {epoch} step {step}: {loss.item<float>():F4}");
            }
        }
    }

    public void WarmUp(int epochs)
    {
        using var balanced = Loaders.Balanced(options);
        using var optimizer = optim.SGD(model.parameters(), 0.01);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            balanced.SetEpoch(epoch);
            foreach (var batch in balanced)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]).backward();
                optimizer.step();
            }
        }
    }
}
