// Scenario: resume code receives the checkpoint's epoch as a parameter named `epoch`, builds one shuffling
// TorchSharp loader with seed 42 + epoch before its own epoch loop, and iterates that one loader every epoch:
// the seed is fixed for the loader's life and every epoch repeats the resumed epoch's order. Not a per-epoch
// factory: the method's own loop advances `epoch` after the loader was built.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam16.ResumeEpochParameterOwnLoop;

public static class Resume
{
    public static void Train(utils.data.Dataset data, nn.Module<Tensor, Tensor> model, int epoch, int epochs)
    {
        using var loader = new DataLoader(data, 64, shuffle: true, seed: 42 + epoch); //! CMP003
        for (; epoch < epochs; epoch++)
        {
            foreach (var batch in loader)
                model.forward(batch["data"]).Dispose();
        }
    }

    public static void TrainFromCheckpoint(utils.data.Dataset data, nn.Module<Tensor, Tensor> model, int currentEpoch, int epochs)
    {
        using var loader = new DataLoader(data, 64, shuffle: true, seed: 1000 + currentEpoch); //! CMP003
        while (currentEpoch < epochs)
        {
            foreach (var batch in loader)
                model.forward(batch["data"]).Dispose();
            currentEpoch++;
        }
    }
}
